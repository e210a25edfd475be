using NodaTime;

namespace ElectionStages.Domain;

/// <summary>
/// A stage or sub-stage of an election schedule. <see cref="Dates"/> is an inclusive interval, or null when the
/// regulation gives a rule instead of dates (<see cref="RuleText"/>) or the sources do not allow one date.
/// </summary>
public sealed record Stage(
    string ElectionId,
    string Id,
    string? ParentId,
    int Ordinal,
    LocalizedText Name,
    DateInterval? Dates,
    LocalizedText? RuleText,
    StageStatus Status,
    StageBasis Basis,
    string Source,
    string SourceRef,
    Confidence Confidence,
    LocalizedText? Note)
{
    /// <summary>True when the stage is part of the schedule in force and its dates include <paramref name="date"/>.</summary>
    public bool IsRunningOn(LocalDate date) =>
        Status == StageStatus.Scheduled && Dates is { } dates && dates.Contains(date);
}
