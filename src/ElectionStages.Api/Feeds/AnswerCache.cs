using System.Globalization;
using ElectionStages.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace ElectionStages.Api.Feeds;

internal sealed class AnswerCacheOptions
{
    public const string Section = "AnswerCache";

    /// <summary>How many bytes of serialized answers an instance keeps (least recently used go first).</summary>
    public long SizeLimitBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>
/// Serialized answers to queries (calendar and guidance by date, region and zone), keyed by the data revision and
/// the query, within a byte budget. An answer is the same for every caller asking the same thing of the same data,
/// so building and hashing it once is enough.
/// </summary>
internal sealed class AnswerCache : IDisposable
{
    private readonly MemoryCache cache;

    public AnswerCache(Microsoft.Extensions.Options.IOptions<AnswerCacheOptions> options) =>
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes, CompactionPercentage = 0.25 });

    public Representation GetOrAdd(CalendarSnapshot snapshot, string key, Func<Representation> build)
    {
        var fullKey = string.Create(CultureInfo.InvariantCulture, $"{snapshot.Revision}|{snapshot.ImportedAt.ToUnixTimeTicks()}|{key}");
        if (cache.TryGetValue(fullKey, out Representation? cached) && cached is not null)
        {
            return cached;
        }

        var representation = build();
        cache.Set(fullKey, representation, new MemoryCacheEntryOptions { Size = representation.Body.Length + 256 });
        return representation;
    }

    public void Dispose() => cache.Dispose();
}
