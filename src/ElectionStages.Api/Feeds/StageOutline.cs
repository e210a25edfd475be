using System.Globalization;
using ElectionStages.Domain;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// Where a stage sits in its election's tree, for the files: its <see cref="Level"/> (1 = main stage, 2 = sub-stage,
/// 3 = a part of a sub-stage) and its outline number, the ordinals from the main stage down joined by dots
/// (<c>6</c>, <c>6.2</c>, <c>6.2.1</c>). A main stage's ordinal is its Lampiran number (seed-data/README.md), so the
/// outline of a main stage is the number the regulation gives it, and a sub-stage's is its position under its parent.
/// </summary>
internal readonly record struct StagePosition(int Level, string Outline);

internal static class StageOutline
{
    /// <summary>
    /// The position of every stage in <paramref name="stages"/> (of one or several elections), keyed by
    /// (election id, stage id). A parent that is not among the stages ends the walk up, as the import allows no cycle.
    /// </summary>
    public static IReadOnlyDictionary<(string ElectionId, string Id), StagePosition> Of(IEnumerable<Stage> stages)
    {
        var byKey = new Dictionary<(string, string), Stage>();
        foreach (var stage in stages)
        {
            byKey.TryAdd((stage.ElectionId, stage.Id), stage);
        }

        var positions = new Dictionary<(string ElectionId, string Id), StagePosition>(byKey.Count);
        foreach (var (key, stage) in byKey)
        {
            var ordinals = new List<int> { stage.Ordinal };
            var seen = new HashSet<string>(StringComparer.Ordinal) { stage.Id };
            for (var current = stage;
                 current.ParentId is { } parentId && seen.Add(parentId) && byKey.TryGetValue((stage.ElectionId, parentId), out var parent);
                 current = parent)
            {
                ordinals.Add(parent.Ordinal);
            }

            ordinals.Reverse();
            positions[key] = new StagePosition(
                ordinals.Count,
                string.Join('.', ordinals.Select(o => o.ToString(CultureInfo.InvariantCulture))));
        }

        return positions;
    }
}
