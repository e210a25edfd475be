using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Guidance;

public sealed record RegionRef(string Code, string Name);

public sealed record PhaseRef(string Id, LocalizedText Name);

public sealed record StageRef(string Id, LocalizedText Name, LocalDate? Start, LocalDate? End);

public sealed record ContestPhaseResponse(string Id, LocalizedText Name, PhaseRef Phase);

/// <summary>An election that concerns the caller on the date: the stages running and the phase of each of its contests.</summary>
public sealed record GuidanceElection(string Id, ElectionKind Kind, LocalizedText Name, IReadOnlyList<StageRef> Stages, IReadOnlyList<ContestPhaseResponse> Contests);

public sealed record Sanction(SanctionKind Kind, string Text);

/// <summary>
/// A neutrality rule. <c>phases</c> says when it holds (<c>baseline</c> = at all times); <c>elections</c> lists the
/// elections whose phase puts it in force on the asked date (empty for a rule that holds at all times).
/// </summary>
public sealed record RuleResponse(
    string Id,
    RuleKind Kind,
    LocalizedText Text,
    Sanction Sanction,
    IReadOnlyList<string> LegalBasis,
    IReadOnlyList<string> Phases,
    IReadOnlyList<ElectionKind> ElectionKinds,
    string Source,
    Confidence Confidence,
    string? Note,
    IReadOnlyList<string> Elections)
{
    internal static RuleResponse From(NeutralityRule rule, IEnumerable<ContestPhase> because) => new(
        rule.Id, rule.Kind, rule.Text, new Sanction(rule.SanctionKind, rule.SanctionText), rule.LegalBasis, rule.Phases,
        rule.ElectionKinds, rule.Source, rule.Confidence, rule.Note,
        [.. because.Select(b => b.Election.Id).Distinct(StringComparer.Ordinal)]);
}

public sealed record NextPhase(string ElectionId, string ContestId, PhaseRef Phase);

/// <summary>The first later date on which the rules in force change for the caller, and the phases from that date.</summary>
public sealed record NextChangeResponse(LocalDate Date, IReadOnlyList<NextPhase> Phases);

/// <summary>"What may an ASN say or do on this date, here?"</summary>
public sealed record GuidanceResponse(
    LocalDate Date,
    string Zone,
    bool DateIsToday,
    RegionRef? Region,
    LocalizedText Scope,
    IReadOnlyList<GuidanceElection> Elections,
    IReadOnlyList<RuleResponse> Prohibited,
    IReadOnlyList<RuleResponse> Allowed,
    NextChangeResponse? NextChange,
    LocalizedText Notice,
    long Revision);

public sealed record RuleReason(string ElectionId, LocalizedText ElectionName, string ContestId, LocalizedText ContestName, PhaseRef Phase, IReadOnlyList<StageRef> Stages);

/// <summary>Whether one rule is in force on a date in a region, and why.</summary>
public sealed record RuleCheckResponse(
    RuleResponse Rule,
    LocalDate Date,
    string Zone,
    RegionRef? Region,
    bool InForce,
    bool Always,
    IReadOnlyList<RuleReason> Because,
    LocalizedText Notice);
