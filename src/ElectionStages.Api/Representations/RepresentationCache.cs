using System.Diagnostics.Metrics;
using System.Globalization;
using ElectionStages.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace ElectionStages.Api.Representations;

internal sealed class RepresentationCacheOptions
{
    public const string Section = "RepresentationCache";

    /// <summary>
    /// How many bytes the kept representations may cost, counted as they really are (<see cref="Representation.CostBytes"/>:
    /// bodies, compressed forms, keys, objects); the least recently used go first.
    /// </summary>
    public long SizeLimitBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>
/// Serialized representations (whole schedules, region calendars, answers to date and region queries), keyed by the
/// data revision and the resource, within a byte budget. A representation is the same for every caller asking the
/// same thing of the same data, so it is built and hashed once per revision; a new revision simply misses, and the
/// old entries age out. The budget matters because the keys are many (552 region calendars in three formats, every
/// date and region of the guidance).
/// <para>
/// Each entry counts what it really costs, and again when a Brotli or gzip form is added. A representation is kept
/// from the second time it is asked for (a small table of recently seen keys decides): a crawler walking every date of
/// every region then neither pushes the answers people actually repeat out of the cache nor turns every answer into
/// long-lived garbage, which is what drove the memory of an instance far past its budget.
/// </para>
/// </summary>
internal sealed class RepresentationCache : IDisposable
{
    public const string MeterName = "ElectionStages.Representations";

    /// <summary>Slots of the table of keys seen once: 8,192 ints (32 KB). A collision only admits a key early.</summary>
    private const int SeenSlots = 8192;

    private readonly MemoryCache cache;
    private readonly long limit;
    private readonly int[] seen = new int[SeenSlots];
    private readonly Meter meter = new(MeterName);
    private readonly Action<Representation> grew;
    private KeyPrefix? prefix;

    public RepresentationCache(Microsoft.Extensions.Options.IOptions<RepresentationCacheOptions> options)
    {
        limit = options.Value.SizeLimitBytes;
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = limit, CompactionPercentage = 0.25, TrackStatistics = true });
        grew = Recount;
        meter.CreateObservableGauge("electionstages.representation_cache.entries", () => cache.GetCurrentStatistics()?.CurrentEntryCount ?? 0,
            unit: "{entry}", description: "Representations kept in memory");
        meter.CreateObservableGauge("electionstages.representation_cache.size", () => cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0,
            unit: "By", description: "What the kept representations cost, as counted against the budget");
        meter.CreateObservableGauge("electionstages.representation_cache.limit", () => limit,
            unit: "By", description: "The budget (RepresentationCache:SizeLimitBytes)");
    }

    public Representation GetOrAdd(CalendarSnapshot snapshot, string key, Func<Representation> build)
    {
        var fullKey = string.Concat(PrefixOf(snapshot), key);
        if (cache.TryGetValue(fullKey, out Representation? cached) && cached is not null)
        {
            return cached;
        }

        var representation = build();
        if (SeenBefore(fullKey))
        {
            representation.CacheKey = fullKey;
            representation.Grew = grew;
            cache.Set(fullKey, representation, new MemoryCacheEntryOptions { Size = representation.CostBytes });
        }

        return representation;
    }

    /// <summary>"revision|imported-at|", formatted once per snapshot rather than on every request.</summary>
    private string PrefixOf(CalendarSnapshot snapshot)
    {
        var current = Volatile.Read(ref prefix);
        if (current is null || !ReferenceEquals(current.Snapshot, snapshot))
        {
            current = new KeyPrefix(snapshot, string.Create(CultureInfo.InvariantCulture, $"{snapshot.Revision}|{snapshot.ImportedAt.ToUnixTimeTicks()}|"));
            Volatile.Write(ref prefix, current);
        }

        return current.Text;
    }

    public void Dispose()
    {
        meter.Dispose();
        cache.Dispose();
    }

    /// <summary>True from the second time a key is asked for; the first time the table notes it.</summary>
    private bool SeenBefore(string fullKey)
    {
        var hash = fullKey.GetHashCode(StringComparison.Ordinal) | 1;
        ref var slot = ref seen[(uint)hash % SeenSlots];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        Volatile.Write(ref slot, hash);
        return false;
    }

    /// <summary>A kept representation gained a compressed form: count its new size, if it is still kept.</summary>
    private void Recount(Representation representation)
    {
        if (representation.CacheKey is { } key && cache.TryGetValue(key, out Representation? kept) && ReferenceEquals(kept, representation))
        {
            cache.Set(key, representation, new MemoryCacheEntryOptions { Size = representation.CostBytes });
        }
    }
}

/// <summary>The cache key prefix of one snapshot.</summary>
internal sealed record KeyPrefix(CalendarSnapshot Snapshot, string Text);
