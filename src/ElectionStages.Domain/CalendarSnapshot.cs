using System.Collections.Frozen;
using NodaTime;

namespace ElectionStages.Domain;

/// <summary>
/// The whole calendar as loaded from the store at one data revision. Immutable: a reload builds a new snapshot and
/// swaps it in, so a request always sees one consistent revision.
/// </summary>
public sealed class CalendarSnapshot
{
    private readonly FrozenDictionary<string, Election> electionsById;
    private readonly FrozenDictionary<string, IReadOnlyList<Stage>> stagesByElection;
    private readonly FrozenDictionary<string, Region> regionsByCode;
    private readonly FrozenDictionary<string, NeutralityRule> rulesById;
    private readonly FrozenDictionary<string, Phase> phasesById;
    private readonly FrozenDictionary<string, Instrument> instrumentsById;
    private readonly FrozenDictionary<string, Act> actsById;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> exceptionsByRule;

    public CalendarSnapshot(long revision, Instant importedAt, IEnumerable<Election> elections, IEnumerable<Stage> stages, GuidanceData? guidance = null, IReadOnlyList<DataChange>? changes = null,
        IReadOnlyList<ExpectedElection>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(elections);
        ArgumentNullException.ThrowIfNull(stages);
        Revision = revision;
        ImportedAt = importedAt;
        Elections = [.. elections.OrderBy(e => e.VotingDay).ThenBy(e => e.Id, StringComparer.Ordinal)];
        electionsById = Elections.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        var stageList = stages.ToList();
        stagesByElection = Elections.ToFrozenDictionary(
            e => e.Id,
            e => (IReadOnlyList<Stage>)StageOrder.InScheduleOrder(stageList.Where(s => s.ElectionId == e.Id)),
            StringComparer.Ordinal);
        Guidance = guidance ?? GuidanceData.Empty;
        regionsByCode = Guidance.Regions.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
        rulesById = Guidance.Rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        phasesById = Guidance.Phases.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        instrumentsById = Guidance.Instruments.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
        actsById = Guidance.Acts.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);
        exceptionsByRule = Guidance.Rules
            .SelectMany(rule => rule.ExceptionTo.Select(target => (Target: target, Exception: rule.Family)))
            .GroupBy(pair => pair.Target, StringComparer.Ordinal)
            .ToFrozenDictionary(
                group => group.Key,
                group => (IReadOnlyList<string>)[.. group.Select(pair => pair.Exception).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                StringComparer.Ordinal);
        FirstLawInForce = Guidance.Rules.Count == 0 ? null : Guidance.Rules.Min(r => r.ValidFrom);
        Changes = [.. (changes ?? []).OrderBy(c => c.Revision)];
        Expected = [.. (expected ?? []).OrderBy(e => e.WindowStart ?? LocalDate.MaxIsoValue).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    /// <summary>Elections decided in principle but not yet scheduled; they never run.</summary>
    public IReadOnlyList<ExpectedElection> Expected { get; }

    public ExpectedElection? FindExpected(string id) => Expected.FirstOrDefault(e => e.Id == id);

    /// <summary>What each recorded import changed, oldest first.</summary>
    public IReadOnlyList<DataChange> Changes { get; }

    /// <summary>The first day on which any modelled rule was in force; an answer about an earlier day has no law to give.</summary>
    public LocalDate? FirstLawInForce { get; }

    public Instrument? FindInstrument(string id) => instrumentsById.GetValueOrDefault(id);

    public Act? FindAct(string id) => actsById.GetValueOrDefault(id);

    /// <summary>The allowed acts (rule families) that are exceptions to the rule family <paramref name="family"/>.</summary>
    public IReadOnlyList<string> ExceptionsTo(string family) => exceptionsByRule.GetValueOrDefault(family) ?? [];

    /// <summary>Regions, phases, contests and rules: what the ASN guidance is computed from.</summary>
    public GuidanceData Guidance { get; }

    public Region? FindRegion(string code) => regionsByCode.GetValueOrDefault(code);

    public NeutralityRule? FindRule(string id) => rulesById.GetValueOrDefault(id);

    public Phase? FindPhase(string id) => phasesById.GetValueOrDefault(id);

    /// <summary>The region and its parents, nearest first.</summary>
    public IEnumerable<Region> SelfAndAncestors(Region region)
    {
        for (Region? current = region; current is not null; current = current.ParentCode is { } parent ? FindRegion(parent) : null)
        {
            yield return current;
        }
    }

    /// <summary>The data revision: bumped by every import that changed the data.</summary>
    public long Revision { get; }

    /// <summary>When the import that produced <see cref="Revision"/> committed.</summary>
    public Instant ImportedAt { get; }

    /// <summary>All elections, oldest voting day first.</summary>
    public IReadOnlyList<Election> Elections { get; }

    public Election? FindElection(string id) => electionsById.GetValueOrDefault(id);

    /// <summary>Every stage of an election in schedule order (each main stage followed by its sub-stages).</summary>
    public IReadOnlyList<Stage> StagesOf(string electionId) =>
        stagesByElection.TryGetValue(electionId, out var stages) ? stages : [];

    /// <summary>
    /// The stages running on <paramref name="date"/>, grouped by election; elections with none are left out.
    /// Stages that were not held never run.
    /// </summary>
    public IReadOnlyList<(Election Election, IReadOnlyList<Stage> Stages)> RunningOn(LocalDate date) =>
        [.. Elections
            .Select(e => (Election: e, Stages: (IReadOnlyList<Stage>)[.. StagesOf(e.Id).Where(s => s.IsRunningOn(date))]))
            .Where(group => group.Stages.Count > 0)];
}
