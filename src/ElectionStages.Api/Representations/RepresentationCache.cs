using System.Globalization;
using ElectionStages.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace ElectionStages.Api.Representations;

internal sealed class RepresentationCacheOptions
{
    public const string Section = "RepresentationCache";

    /// <summary>How many bytes of serialized representations an instance keeps (the least recently used go first).</summary>
    public long SizeLimitBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>
/// Serialized representations (whole schedules, region calendars, answers to date and region queries), keyed by the
/// data revision and the resource, within a byte budget. A representation is the same for every caller asking the
/// same thing of the same data, so it is built and hashed once per revision; a new revision simply misses, and the
/// old entries age out. The budget matters because the keys are many (552 region calendars in three formats, every
/// date and region of the guidance).
/// </summary>
internal sealed class RepresentationCache : IDisposable
{
    private readonly MemoryCache cache;

    public RepresentationCache(Microsoft.Extensions.Options.IOptions<RepresentationCacheOptions> options) =>
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes, CompactionPercentage = 0.25 });

    public Representation GetOrAdd(CalendarSnapshot snapshot, string key, Func<Representation> build)
    {
        var fullKey = string.Create(CultureInfo.InvariantCulture, $"{snapshot.Revision}|{snapshot.ImportedAt.ToUnixTimeTicks()}|{key}");
        if (cache.TryGetValue(fullKey, out Representation? cached) && cached is not null)
        {
            return cached;
        }

        var representation = build();
        cache.Set(fullKey, representation, new MemoryCacheEntryOptions { Size = representation.BudgetBytes });
        return representation;
    }

    public void Dispose() => cache.Dispose();
}
