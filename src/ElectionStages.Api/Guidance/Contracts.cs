using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Guidance;

/// <summary>The region an answer is about.</summary>
/// <param name="Code">Kemendagri code, <c>33</c> or <c>33.03</c>.</param>
/// <param name="Name">The region's name, e.g. <c>Kabupaten Purbalingga</c>.</param>
public sealed record RegionRef(string Code, string Name);

/// <summary>A neutrality phase by id and name.</summary>
/// <param name="Id">Phase id: <c>baseline</c>, <c>pre-candidacy</c>, <c>candidates-determined</c>, <c>campaign</c>, <c>quiet-period</c>, <c>voting-day</c> or <c>post-voting</c>.</param>
/// <param name="Name">The phase's name.</param>
public sealed record PhaseRef(string Id, LocalizedText Name);

/// <summary>A stage by id, name and dates.</summary>
/// <param name="Id">Stage id, unique within its election.</param>
/// <param name="Name">The stage's name.</param>
/// <param name="Start">First day, inclusive; null when the stage has no dates.</param>
/// <param name="End">Last day, inclusive; null when the stage has no dates.</param>
public sealed record StageRef(string Id, LocalizedText Name, LocalDate? Start, LocalDate? End);

/// <summary>A contest of an election and the phase it is in on the date.</summary>
/// <param name="Id">Contest id: <c>presidential</c>, <c>legislative</c>, <c>governor</c> or <c>regent-mayor</c>.</param>
/// <param name="Name">The contest's name.</param>
/// <param name="Phase">The phase the contest is in on the date.</param>
public sealed record ContestPhaseResponse(string Id, LocalizedText Name, PhaseRef Phase);

/// <summary>An election that concerns the caller on the date: the stages running and the phase of each of its contests.</summary>
/// <param name="Id">Election id.</param>
/// <param name="Kind">General (<c>pemilu</c>) or regional (<c>pilkada</c>) election.</param>
/// <param name="Name">The election's name.</param>
/// <param name="ShortName">Its short name for titles (<c>Pemilu 2024</c>, <c>PSU Pilkada 2024</c>).</param>
/// <param name="Stages">Its stages running on the date.</param>
/// <param name="Contests">Its contests that apply to the caller and are in a phase on the date.</param>
public sealed record GuidanceElection(string Id, ElectionKind Kind, LocalizedText Name, string ShortName, IReadOnlyList<StageRef> Stages, IReadOnlyList<ContestPhaseResponse> Contests);

/// <summary>The sanction of a rule: its tier and what it means, in Indonesian and English.</summary>
/// <param name="Kind">The sanction's tier.</param>
/// <param name="Text">What the sanction is, with its legal basis.</param>
public sealed record Sanction(SanctionKind Kind, LocalizedText Text);

/// <summary>One article of one instrument, with a link to the official text where one is known.</summary>
/// <param name="InstrumentId">The instrument's id, as listed by GET /v1/asn/instruments (<c>uu-7-2017</c>).</param>
/// <param name="Instrument">The instrument's short name (<c>UU 7/2017</c>).</param>
/// <param name="Article">Where in the instrument: article, paragraph, letter or annex item (<c>Pasal 280 ayat (3)</c>).</param>
/// <param name="Url">The official text, where one is known; else null.</param>
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
/// <param name="Id">Rule version id, stable.</param>
/// <param name="VersionOf">For an older version: the id of the current version of the same rule; null for the current one.</param>
/// <param name="Kind">Whether the rule prohibits, allows or requires an act, or says how a breach is handled.</param>
/// <param name="Scope">Whether the rule holds at all times or is put in force by a contest's phase.</param>
/// <param name="Addressee">Whom the rule binds: the ASN, or others it protects the ASN from.</param>
/// <param name="Text">What the rule says.</param>
/// <param name="Sanction">The sanction for breaking it.</param>
/// <param name="LegalBasis">The articles it rests on; empty for guidance without a written legal basis (then confidence is low).</param>
/// <param name="ValidFrom">The first day its legal basis was the law.</param>
/// <param name="ValidTo">The last day its legal basis was the law, inclusive; null while still in force.</param>
/// <param name="Phases">The phase ids in which it applies (<c>baseline</c>: on every date).</param>
/// <param name="ElectionKinds">The kinds of election whose phases put it in force.</param>
/// <param name="ExceptionTo">On an allowed act: the ids of the prohibitions it qualifies.</param>
/// <param name="Exceptions">On a prohibition: the ids of the allowed acts that qualify it.</param>
/// <param name="Source">The public pages the rule was read from.</param>
/// <param name="Confidence">How sure the data is of the rule.</param>
/// <param name="Note">Inferences, conflicts and earlier versions, or null.</param>
/// <param name="Elections">The ids of the elections whose phase puts it in force on the asked date.</param>
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

/// <summary>The phase a contest is in from the next change on.</summary>
/// <param name="ElectionId">The contest's election.</param>
/// <param name="ContestId">The contest.</param>
/// <param name="Phase">Its phase from that date.</param>
public sealed record NextPhase(string ElectionId, string ContestId, PhaseRef Phase);

/// <summary>
/// The first later date on which the rules in force change for the caller, the phases from that date, and the rule
/// ids that start (<c>added</c>) and stop (<c>removed</c>) applying on it.
/// </summary>
/// <param name="Date">The first later date on which the rules in force change.</param>
/// <param name="Phases">The phases of the applicable contests from that date.</param>
/// <param name="Added">The rule ids that start applying on that date.</param>
/// <param name="Removed">The rule ids that stop applying on that date.</param>
public sealed record NextChangeResponse(LocalDate Date, IReadOnlyList<NextPhase> Phases, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>
/// Something the reader must know about the answer: <c>no-law-modelled</c> (the date is before the first modelled
/// law), <c>partial-data</c> (a contest that applies here is only partly modelled; <c>electionId</c> and
/// <c>contestId</c> name it), <c>general-duties-apply</c> (no specific rule decides the act that day, which is no
/// permission: the duties in <c>rules</c> still bind).
/// </summary>
/// <param name="Code">What the notice is about.</param>
/// <param name="Text">The notice, for people.</param>
/// <param name="ElectionId">For <c>partial-data</c>: the election only partly modelled; else null.</param>
/// <param name="ContestId">For <c>partial-data</c>: the contest only partly modelled; else null.</param>
/// <param name="Rules">The rule ids the notice is about (the general duties in force, for <c>general-duties-apply</c>); else empty.</param>
public sealed record NoticeResponse(NoticeCode Code, LocalizedText Text, string? ElectionId, string? ContestId, IReadOnlyList<string> Rules);

/// <summary>One way to reach a body.</summary>
/// <param name="Label">What the channel is (a complaints page, an application).</param>
/// <param name="Url">Where it is.</param>
public sealed record ChannelResponse(string Label, string Url);

/// <summary>A body in charge on the date: what it does, how to reach it, and on what basis.</summary>
/// <param name="Id">Authority id, stable.</param>
/// <param name="Name">The body's name.</param>
/// <param name="Role">What it does about ASN neutrality, and how to report to it.</param>
/// <param name="Channels">The ways to reach it; empty where none is known.</param>
/// <param name="ValidFrom">The first day it had this role.</param>
/// <param name="ValidTo">The last day it had this role, inclusive; null while it still has it.</param>
/// <param name="LegalBasis">The articles the role rests on.</param>
/// <param name="Confidence">How sure the data is of the role.</param>
/// <param name="Note">What a reader must know, or null.</param>
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
/// <param name="Date">The date answered for.</param>
/// <param name="Zone">The IANA time zone that decided "today" (the region's, or <c>zone</c>).</param>
/// <param name="DateIsToday">True when no date was given and the answer is about today in <c>zone</c>.</param>
/// <param name="Region">The region asked about; null without <c>region</c> (national elections only).</param>
/// <param name="Notices">What the reader must know about how complete the answer is; often empty.</param>
/// <param name="Prohibited">What the ASN must not do: phase rules by severity, then the rules that hold at all times.</param>
/// <param name="Duties">What the ASN must do, and how breaches are handled.</param>
/// <param name="Allowed">What the ASN may do (an exception names the prohibition it qualifies).</param>
/// <param name="OthersMustNot">Rules that bind others (campaigners, candidates, officials) and protect the ASN.</param>
/// <param name="ReportTo">The bodies to report a breach to on the date.</param>
/// <param name="NextChange">The next date on which the answer changes; null when no modelled date changes it.</param>
/// <param name="Upcoming">When no applicable contest is in a phase: the elections that come next; else empty.</param>
/// <param name="Elections">The elections that concern the caller on the date, with their running stages and contests' phases.</param>
/// <param name="Scope">Which elections the answer considers.</param>
/// <param name="Notice">That this is guidance, not a legal opinion.</param>
/// <param name="Revision">The data revision the answer was built from.</param>
/// <param name="ImportedAt">When the data of <c>revision</c> was imported.</param>
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

/// <summary>Why a rule is in force: the contest phase that puts it in force.</summary>
/// <param name="ElectionId">The election.</param>
/// <param name="ElectionName">The election's name.</param>
/// <param name="ContestId">The contest.</param>
/// <param name="ContestName">The contest's name.</param>
/// <param name="Phase">The contest's phase on the date.</param>
/// <param name="Stages">The election's stages running on the date.</param>
public sealed record RuleReason(string ElectionId, LocalizedText ElectionName, string ContestId, LocalizedText ContestName, PhaseRef Phase, IReadOnlyList<StageRef> Stages);

/// <summary>Whether one rule version is in force on a date in a region, and why.</summary>
/// <param name="Rule">The rule version asked about.</param>
/// <param name="Date">The date answered for.</param>
/// <param name="Zone">The IANA time zone that decided "today".</param>
/// <param name="Region">The region asked about; null without <c>region</c>.</param>
/// <param name="InForce">True when this version applies on the date there.</param>
/// <param name="Always">True when the rule holds at all times (scope <c>always</c>) rather than by phase.</param>
/// <param name="VersionInForce">The id of the version of the same rule that applies on the date (this one or another); null when none does.</param>
/// <param name="Because">The contest phases that put it in force; empty when it is not in force or holds at all times.</param>
/// <param name="Notices">What the reader must know about how complete the answer is.</param>
/// <param name="Notice">That this is guidance, not a legal opinion.</param>
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
/// <param name="Id">Act id, stable.</param>
/// <param name="Text">The act in plain words.</param>
/// <param name="Keywords">Search words, Indonesian and English.</param>
/// <param name="Rules">The rule ids that decide it, in precedence order.</param>
public sealed record ActResponse(string Id, LocalizedText Text, IReadOnlyList<string> Keywords, IReadOnlyList<string> Rules);

/// <summary>An act by id and text.</summary>
/// <param name="Id">Act id.</param>
/// <param name="Text">The act in plain words.</param>
public sealed record ActRef(string Id, LocalizedText Text);

/// <summary>Which rule decides the verdict, and why it is in force: <c>scope</c> and the elections whose phase puts it in force.</summary>
/// <param name="Rule">The deciding rule version's id; GET /v1/asn/rules/{id} has its full text.</param>
/// <param name="Scope">Whether it holds at all times or by phase.</param>
/// <param name="Elections">The ids of the elections whose phase puts it in force; empty for a rule that holds at all times.</param>
/// <param name="Phases">The phase ids that put it in force; empty for a rule that holds at all times.</param>
public sealed record VerdictReason(string Rule, RuleScope Scope, IReadOnlyList<string> Elections, IReadOnlyList<string> Phases);

/// <summary>The sanction tier of a verdict, named in Indonesian and English; the rule (<c>because.rule</c>) has the full text.</summary>
/// <param name="Kind">The sanction's tier.</param>
/// <param name="Name">The tier's name.</param>
public sealed record SanctionSummary(SanctionKind Kind, LocalizedText Name);

/// <summary>
/// The yes/no for one act on a date in a region. <c>verdict</c>: <c>prohibited</c>, <c>allowed</c> or
/// <c>not-regulated</c> (no modelled rule decides it that day). <c>until</c>: the last day the verdict holds (null when
/// nothing modelled ends it). <c>sanction</c> (the tier) and <c>legalBasis</c> are the deciding rule's; its full sanction text
/// and note are one request away at <c>/v1/asn/rules/{because.rule}</c>.
/// </summary>
/// <param name="Act">The act asked about.</param>
/// <param name="Date">The date answered for.</param>
/// <param name="Region">The region asked about; null without <c>region</c>.</param>
/// <param name="Verdict">Whether the act is prohibited, allowed or not regulated then and there.</param>
/// <param name="Until">The last day the verdict holds; null when nothing modelled ends it.</param>
/// <param name="Sanction">The deciding rule's sanction tier; null when no rule decides.</param>
/// <param name="LegalBasis">The deciding rule's legal basis; empty when no rule decides.</param>
/// <param name="Because">The deciding rule and why it is in force; null when no rule decides.</param>
/// <param name="Notices">What the reader must know about how complete the answer is.</param>
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
/// <param name="Id">Instrument id, stable (<c>uu-7-2017</c>).</param>
/// <param name="ShortName">The usual short name (<c>UU 7/2017</c>).</param>
/// <param name="Title">The full title.</param>
/// <param name="Kind">What kind of instrument it is.</param>
/// <param name="Promulgated">The day it was enacted or signed, where known; else null.</param>
/// <param name="InForceFrom">The first day it was in force.</param>
/// <param name="InForceTo">The last day it was in force, inclusive; null while still in force.</param>
/// <param name="Url">The official text, where one is known; else null.</param>
/// <param name="Source">The public pages its facts were read from.</param>
/// <param name="Confidence">How sure the data is of its dates.</param>
/// <param name="Note">What a reader must know, or null.</param>
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
