using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Elections;

/// <summary>The inclusive days an expected election's voting day must fall in, where the law gives them.</summary>
/// <param name="Earliest">The first day the voting day may fall on.</param>
/// <param name="Latest">The last day the voting day may fall on.</param>
public sealed record VotingWindow(LocalDate Earliest, LocalDate Latest);

/// <summary>
/// An election as served: its identity, voting day, governing regulation and provenance. <c>status</c> is
/// <c>scheduled</c> (a stage regulation sets it; <c>votingDay</c> is given) or <c>expected</c> (decided in principle:
/// no voting day, a <c>votingWindow</c> where the law gives one, <c>windowText</c> saying what is and is not decided;
/// it never counts as running).
/// </summary>
/// <param name="Id">Stable election id, <c>{kind}-{year}</c> with a suffix for re-votes, e.g. <c>pemilu-2024</c>.</param>
/// <param name="Kind">General (<c>pemilu</c>) or regional (<c>pilkada</c>) election.</param>
/// <param name="Name">The election's name.</param>
/// <param name="ShortName">A short name for titles and filters (<c>Pemilu 2024</c>, <c>PSU Pilkada 2024</c>): what starts each event of a region's calendar.</param>
/// <param name="Status"><c>scheduled</c> (a stage regulation sets it) or <c>expected</c> (decided in principle only).</param>
/// <param name="VotingDay">The (first-round) voting day; null for an expected election.</param>
/// <param name="VotingWindow">The days an expected election's voting day must fall in, where the law gives them; else null.</param>
/// <param name="WindowText">What is and is not decided about an expected election's date; null for a scheduled one.</param>
/// <param name="Regulation">The regulation that sets the stages and schedule, as in force (for an expected election: the instruments that decide it).</param>
/// <param name="Source">The public pages the voting day and regulation were read from.</param>
/// <param name="Confidence">How sure the data is of the voting day and regulation.</param>
/// <param name="Note">What a reader must know (conflicts, replaced items), or null.</param>
/// <param name="StageCount">How many stages and sub-stages the schedule has (0 for an expected election).</param>
public sealed record ElectionResponse(
    string Id,
    ElectionKind Kind,
    LocalizedText Name,
    string ShortName,
    ElectionStatus Status,
    LocalDate? VotingDay,
    VotingWindow? VotingWindow,
    LocalizedText? WindowText,
    string Regulation,
    string Source,
    Confidence Confidence,
    LocalizedText? Note,
    int StageCount)
{
    internal static ElectionResponse From(Election election, CalendarSnapshot snapshot) => new(
        election.Id, election.Kind, election.Name, election.ShortName, ElectionStatus.Scheduled, election.VotingDay, null, null, election.Regulation,
        election.Source, election.Confidence, election.Note, snapshot.StagesOf(election.Id).Count);

    internal static ElectionResponse From(ExpectedElection election, CalendarSnapshot snapshot) => new(
        election.Id, election.Kind, election.Name, election.ShortName, ElectionStatus.Expected, null,
        election.WindowStart is { } start && election.WindowEnd is { } end ? new VotingWindow(start, end) : null,
        election.WindowText,
        string.Join("; ", election.LegalBasis.Select(b => $"{snapshot.FindInstrument(b.InstrumentId)?.ShortName ?? b.InstrumentId} {b.Article}".Trim())),
        election.Source, election.Confidence, election.Note, 0);
}

/// <summary>
/// A stage or sub-stage. <c>start</c> and <c>end</c> are inclusive; both are null when the regulation gives a rule
/// instead of dates (<c>ruleText</c>) or the sources do not allow one date.
/// </summary>
/// <param name="Id">Stage id, unique within its election (<c>masa-tenang</c>).</param>
/// <param name="ParentId">The id of the stage this one is a sub-stage of; null for a main stage.</param>
/// <param name="Ordinal">Position among its siblings, from 1; for a main stage the number of its row in the regulation's annex (Lampiran).</param>
/// <param name="Name">The stage's name, in Indonesian as the regulation words it.</param>
/// <param name="Start">First day, inclusive; null when the stage has no dates.</param>
/// <param name="End">Last day, inclusive; null when the stage has no dates.</param>
/// <param name="RuleText">The rule the regulation gives instead of dates, or the sources' wording when they do not allow one date; null when dated.</param>
/// <param name="Status"><c>scheduled</c>, or <c>not-held</c>: planned but did not take place (never running).</param>
/// <param name="Basis">What kind of text the row comes from: the annex, an implementing regulation, or an actual event.</param>
/// <param name="Source">The regulation that set the row, then the public pages it was read from.</param>
/// <param name="SourceRef">Where in that regulation: annex item (<c>Lampiran angka 8</c>), article, decision or ruling.</param>
/// <param name="Confidence">How sure the data is of the row's dates.</param>
/// <param name="Note">Conflicts between sources, replaced dates and the like, or null.</param>
public sealed record StageResponse(
    string Id,
    string? ParentId,
    int Ordinal,
    LocalizedText Name,
    LocalDate? Start,
    LocalDate? End,
    LocalizedText? RuleText,
    StageStatus Status,
    StageBasis Basis,
    string Source,
    string SourceRef,
    Confidence Confidence,
    LocalizedText? Note)
{
    internal static StageResponse From(Stage stage) => new(
        stage.Id, stage.ParentId, stage.Ordinal, stage.Name, stage.Dates?.Start, stage.Dates?.End, stage.RuleText,
        stage.Status, stage.Basis, stage.Source, stage.SourceRef, stage.Confidence, stage.Note);
}

/// <summary>Every stage of one election, in schedule order, at one data revision.</summary>
/// <param name="Election">The election.</param>
/// <param name="Revision">The data revision the answer was built from.</param>
/// <param name="Stages">Every stage and sub-stage, in schedule order (a sub-stage follows its parent).</param>
public sealed record ElectionStagesResponse(ElectionResponse Election, long Revision, IReadOnlyList<StageResponse> Stages);

/// <summary>One phase of a contest with its inclusive dates.</summary>
/// <param name="Id">Phase id: <c>pre-candidacy</c>, <c>candidates-determined</c>, <c>campaign</c>, <c>quiet-period</c>, <c>voting-day</c> or <c>post-voting</c>.</param>
/// <param name="Name">The phase's name.</param>
/// <param name="Start">First day of the phase, inclusive.</param>
/// <param name="End">Last day of the phase, inclusive.</param>
public sealed record PhaseSpanResponse(string Id, LocalizedText Name, LocalDate Start, LocalDate End);

/// <summary>
/// A race of an election (presidential, legislative, governor, regent-mayor) and the dates of its neutrality phases,
/// each bounded by a stage of the schedule.
/// </summary>
/// <param name="Id">Contest id within its election: <c>presidential</c>, <c>legislative</c>, <c>governor</c> or <c>regent-mayor</c>.</param>
/// <param name="Name">The contest's name.</param>
/// <param name="Phases">Its neutrality phases with their dates, in order; a phase the sources give no dates for is left out.</param>
/// <param name="Source">The public pages the contest's dates were read from.</param>
/// <param name="Confidence">How sure the data is of the contest's dates.</param>
/// <param name="Note">What a reader must know, or null.</param>
public sealed record ContestResponse(
    string Id,
    LocalizedText Name,
    IReadOnlyList<PhaseSpanResponse> Phases,
    string Source,
    Confidence Confidence,
    LocalizedText? Note)
{
    internal static ContestResponse From(Contest contest, CalendarSnapshot snapshot) => new(
        contest.Id,
        contest.Name,
        [.. contest.PhaseSpans().Select(p => new PhaseSpanResponse(
            p.PhaseId, snapshot.FindPhase(p.PhaseId)?.Name ?? new LocalizedText(p.PhaseId, p.PhaseId), p.Dates.Start, p.Dates.End))],
        contest.Source,
        contest.Confidence,
        contest.Note);
}
