using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ElectionStages.Domain;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// Representations of the whole-schedule resources, built once per snapshot and reused by every request until a new
/// revision is loaded (the old snapshot's entries go with it).
/// </summary>
internal sealed class RepresentationCache
{
    private readonly ConditionalWeakTable<CalendarSnapshot, ConcurrentDictionary<string, Representation>> bySnapshot = [];

    public Representation GetOrAdd(CalendarSnapshot snapshot, string key, Func<Representation> build) =>
        bySnapshot.GetValue(snapshot, _ => new ConcurrentDictionary<string, Representation>(StringComparer.Ordinal))
            .GetOrAdd(key, _ => build());
}
