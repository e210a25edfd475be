using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Guidance;

public sealed record RegionRef(string Code, string Name);

public sealed record PhaseRef(string Id, LocalizedText Name);

public sealed record StageRef(string Id, LocalizedText Name, LocalDate? Start, LocalDate? End);

public sealed record ContestPhaseResponse(string Id, LocalizedText Name, PhaseRef Phase);

/// <summary>An election that concerns the caller on the date: the stages running and the phase of each of its contests.</summary>
public sealed record GuidanceElection(string Id, ElectionKind Kind, LocalizedText Name, IReadOnlyList<StageRef> Stages, IReadOnlyList<ContestPhaseResponse> Contests);

/// <summary>The sanction of a rule: its tier and what it means, in Indonesian and English.</summary>
public sealed record Sanction(SanctionKind Kind, LocalizedText Text);

/// <summary>One article of one instrument, with a link to the official text where one is known.</summary>
public sealed record LegalBasisRef(string InstrumentId, string Instrument, string Article, string? Url)
{
    internal static IReadOnlyList<LegalBasisRef> From(IEnumerable<LegalReference> references, CalendarSnapshot snapshot) =>
        [.. references.Select(r => snapshot.FindInstrument(r.InstrumentId) is { } i
            ? new LegalBasisRef(i.Id, i.ShortName, r.Article, i.Url)
            : new LegalBasisRef(r.InstrumentId, r.InstrumentId, r.Article, null))];
}

/// <summary>
/// One version of a neutrality rule. <c>validFrom</c>..<c>validTo</c> (inclusive; <c>validTo</c> null = still in
/// force) are the days its legal basis was the law; <c>versionOf</c> names the current version of an older one.
/// <c>scope</c>: <c>always</c> (holds on every date of its validity) or <c>phase</c> (put in force by a contest's
/// phase, listed in <c>phases</c>). <c>addressee</c>: whom it binds (<c>asn</c>, or others it protects the ASN from).
/// <c>exceptionTo</c> on an allowed act names the prohibitions it qualifies; <c>exceptions</c> on a prohibition names
/// the allowed acts that qualify it. <c>elections</c> lists the elections whose phase puts it in force on the asked
/// date (empty for a rule that holds at all times, and in the catalogue).
/// </summary>
public sealed record RuleResponse(
    string Id,
    string? VersionOf,
    RuleKind Kind,
    RuleScope Scope,
    Addressee Addressee,
    LocalizedText Text,
    Sanction Sanction,
    IReadOnlyList<LegalBasisRef> LegalBasis,
    LocalDate ValidFrom,
    LocalDate? ValidTo,
    IReadOnlyList<string> Phases,
    IReadOnlyList<ElectionKind> ElectionKinds,
    IReadOnlyList<string> ExceptionTo,
    IReadOnlyList<string> Exceptions,
    string Source,
    Confidence Confidence,
    LocalizedText? Note,
    IReadOnlyList<string> Elections)
{
    internal static RuleResponse From(NeutralityRule rule, IEnumerable<ContestPhase> because, CalendarSnapshot snapshot) => new(
        rule.Id, rule.VersionOf, rule.Kind, rule.Scope, rule.Addressee, rule.Text, new Sanction(rule.SanctionKind, rule.SanctionText),
        LegalBasisRef.From(rule.LegalBasis, snapshot), rule.ValidFrom, rule.ValidTo, rule.Phases, rule.ElectionKinds,
        rule.ExceptionTo, snapshot.ExceptionsTo(rule.Family), rule.Source, rule.Confidence, rule.Note,
        [.. because.Select(b => b.Election.Id).Distinct(StringComparer.Ordinal)]);
}

public sealed record NextPhase(string ElectionId, string ContestId, PhaseRef Phase);

/// <summary>
/// The first later date on which the rules in force change for the caller, the phases from that date, and the rule
/// ids that start (<c>added</c>) and stop (<c>removed</c>) applying on it.
/// </summary>
public sealed record NextChangeResponse(LocalDate Date, IReadOnlyList<NextPhase> Phases, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>
/// Something the reader must know about the answer: <c>no-law-modelled</c> (the date is before the first modelled
/// law), <c>partial-data</c> (a contest that applies here is only partly modelled; <c>electionId</c> and
/// <c>contestId</c> name it), <c>general-duties-apply</c> (no specific rule decides the act that day, which is no
/// permission: the duties in <c>rules</c> still bind).
/// </summary>
public sealed record NoticeResponse(NoticeCode Code, LocalizedText Text, string? ElectionId, string? ContestId, IReadOnlyList<string> Rules);

public sealed record ChannelResponse(string Label, string Url);

/// <summary>A body in charge on the date: what it does, how to reach it, and on what basis.</summary>
public sealed record AuthorityResponse(
    string Id,
    LocalizedText Name,
    LocalizedText Role,
    IReadOnlyList<ChannelResponse> Channels,
    LocalDate ValidFrom,
    LocalDate? ValidTo,
    IReadOnlyList<LegalBasisRef> LegalBasis,
    Confidence Confidence,
    LocalizedText? Note)
{
    internal static AuthorityResponse From(Authority a, CalendarSnapshot snapshot) => new(
        a.Id, a.Name, a.Role, [.. a.Channels.Select(c => new ChannelResponse(c.Label, c.Url))], a.ValidFrom, a.ValidTo,
        LegalBasisRef.From(a.LegalBasis, snapshot), a.Confidence, a.Note);
}

/// <summary>
/// "What may an ASN say or do on this date, here?" The civil servant's own prohibitions come first (phase rules
/// first, by severity), then duties, allowed acts, and the rules that bind others (campaigners, candidates,
/// officials) and protect the ASN. Only rules whose legal basis was the law on <c>date</c> are listed.
/// <c>importedAt</c> is when the data of <c>revision</c> was imported. When no contest that applies is in a phase,
/// <c>upcoming</c> names what comes next: per kind, the nearest scheduled election held there, or the expected ones.
/// </summary>
public sealed record GuidanceResponse(
    LocalDate Date,
    string Zone,
    bool DateIsToday,
    RegionRef? Region,
    IReadOnlyList<NoticeResponse> Notices,
    IReadOnlyList<RuleResponse> Prohibited,
    IReadOnlyList<RuleResponse> Duties,
    IReadOnlyList<RuleResponse> Allowed,
    IReadOnlyList<RuleResponse> OthersMustNot,
    IReadOnlyList<AuthorityResponse> ReportTo,
    NextChangeResponse? NextChange,
    IReadOnlyList<UpcomingElection> Upcoming,
    IReadOnlyList<GuidanceElection> Elections,
    LocalizedText Scope,
    LocalizedText Notice,
    long Revision,
    Instant ImportedAt);

public sealed record RuleReason(string ElectionId, LocalizedText ElectionName, string ContestId, LocalizedText ContestName, PhaseRef Phase, IReadOnlyList<StageRef> Stages);

/// <summary>Whether one rule version is in force on a date in a region, and why.</summary>
public sealed record RuleCheckResponse(
    RuleResponse Rule,
    LocalDate Date,
    string Zone,
    RegionRef? Region,
    bool InForce,
    bool Always,
    string? VersionInForce,
    IReadOnlyList<RuleReason> Because,
    IReadOnlyList<NoticeResponse> Notices,
    LocalizedText Notice);

/// <summary>A concrete act and the rules (current ids, in precedence order) that decide it.</summary>
public sealed record ActResponse(string Id, LocalizedText Text, IReadOnlyList<string> Keywords, IReadOnlyList<string> Rules);

public sealed record ActRef(string Id, LocalizedText Text);

/// <summary>Which rule decides the verdict, and why it is in force: <c>scope</c> and the elections whose phase puts it in force.</summary>
public sealed record VerdictReason(string Rule, RuleScope Scope, IReadOnlyList<string> Elections, IReadOnlyList<string> Phases);

/// <summary>The sanction tier of a verdict, named in Indonesian and English; the rule (<c>because.rule</c>) has the full text.</summary>
public sealed record SanctionSummary(SanctionKind Kind, LocalizedText Name);

/// <summary>
/// The yes/no for one act on a date in a region. <c>verdict</c>: <c>prohibited</c>, <c>allowed</c> or
/// <c>not-regulated</c> (no modelled rule decides it that day). <c>until</c>: the last day the verdict holds (null when
/// nothing modelled ends it). <c>sanction</c> (the tier) and <c>legalBasis</c> are the deciding rule's; its full sanction text
/// and note are one request away at <c>/v1/asn/rules/{because.rule}</c>.
/// </summary>
public sealed record ActCheckResponse(
    ActRef Act,
    LocalDate Date,
    RegionRef? Region,
    Verdict Verdict,
    LocalDate? Until,
    SanctionSummary? Sanction,
    IReadOnlyList<LegalBasisRef> LegalBasis,
    VerdictReason? Because,
    IReadOnlyList<NoticeResponse> Notices);

/// <summary>A law, regulation, circular, joint decree, ruling or public statement, with the days it was in force (<c>inForceTo</c> null = still in force).</summary>
public sealed record InstrumentResponse(
    string Id,
    string ShortName,
    LocalizedText Title,
    InstrumentKind Kind,
    LocalDate? Promulgated,
    LocalDate InForceFrom,
    LocalDate? InForceTo,
    string? Url,
    string Source,
    Confidence Confidence,
    LocalizedText? Note)
{
    internal static InstrumentResponse From(Instrument i) =>
        new(i.Id, i.ShortName, i.Title, i.Kind, i.Promulgated, i.InForceFrom, i.InForceTo, i.Url, i.Source, i.Confidence, i.Note);
}
