using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Elections;

/// <summary>The inclusive days an expected election's voting day must fall in, where the law gives them.</summary>
public sealed record VotingWindow(LocalDate Earliest, LocalDate Latest);

/// <summary>
/// An election as served: its identity, voting day, governing regulation and provenance. <c>status</c> is
/// <c>scheduled</c> (a stage regulation sets it; <c>votingDay</c> is given) or <c>expected</c> (decided in principle:
/// no voting day, a <c>votingWindow</c> where the law gives one, <c>windowText</c> saying what is and is not decided;
/// it never counts as running).
/// </summary>
public sealed record ElectionResponse(
    string Id,
    ElectionKind Kind,
    LocalizedText Name,
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
        election.Id, election.Kind, election.Name, ElectionStatus.Scheduled, election.VotingDay, null, null, election.Regulation,
        election.Source, election.Confidence, election.Note, snapshot.StagesOf(election.Id).Count);

    internal static ElectionResponse From(ExpectedElection election, CalendarSnapshot snapshot) => new(
        election.Id, election.Kind, election.Name, ElectionStatus.Expected, null,
        election.WindowStart is { } start && election.WindowEnd is { } end ? new VotingWindow(start, end) : null,
        election.WindowText,
        string.Join("; ", election.LegalBasis.Select(b => $"{snapshot.FindInstrument(b.InstrumentId)?.ShortName ?? b.InstrumentId} {b.Article}".Trim())),
        election.Source, election.Confidence, election.Note, 0);
}

/// <summary>
/// A stage or sub-stage. <c>start</c> and <c>end</c> are inclusive; both are null when the regulation gives a rule
/// instead of dates (<c>ruleText</c>) or the sources do not allow one date.
/// </summary>
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
public sealed record ElectionStagesResponse(ElectionResponse Election, long Revision, IReadOnlyList<StageResponse> Stages);

/// <summary>One phase of a contest with its inclusive dates.</summary>
public sealed record PhaseSpanResponse(string Id, LocalizedText Name, LocalDate Start, LocalDate End);

/// <summary>
/// A race of an election (presidential, legislative, governor, regent-mayor) and the dates of its neutrality phases,
/// each bounded by a stage of the schedule.
/// </summary>
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
