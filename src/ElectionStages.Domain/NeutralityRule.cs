using NodaTime;

namespace ElectionStages.Domain;

/// <summary>What a rule says of an act.</summary>
public enum RuleKind
{
    /// <summary>An act the ASN must not do.</summary>
    Prohibited,

    /// <summary>An act the ASN may do.</summary>
    Allowed,

    /// <summary>Something the ASN must do (stay neutral, resign on candidacy).</summary>
    Duty,

    /// <summary>How a breach is handled; not an act.</summary>
    Procedure,
}

/// <summary>Whom a rule binds. Rules that bind others protect the ASN and are never listed among the ASN's own prohibitions.</summary>
public enum Addressee
{
    /// <summary>The civil servant (PNS or PPPK), including an ASN who holds office.</summary>
    Asn,

    /// <summary>Campaign implementers, participants and teams.</summary>
    Campaigners,

    /// <summary>Candidates and candidate pairs.</summary>
    Candidates,

    /// <summary>Officials who are not ASN (pejabat negara, village heads).</summary>
    Officials,
}

/// <summary>Why a rule is in an answer: it holds at all times, or a contest's phase puts it in force that day.</summary>
public enum RuleScope
{
    /// <summary>Put in force by the phase of a contest (its <c>phases</c>) on the days of that phase.</summary>
    Phase,

    /// <summary>Holds on every date of its validity, whatever the phase.</summary>
    Always,
}

/// <summary>The tier of the sanction for breaking a rule.</summary>
public enum SanctionKind
{
    /// <summary>Sanksi moral under the civil-service code of ethics (PP 42/2004).</summary>
    Ethics,

    /// <summary>Hukuman disiplin ringan (light).</summary>
    LightDiscipline,

    /// <summary>Hukuman disiplin sedang (moderate; PP 53/2010 Pasal 7 ayat (3), PP 94/2021 Pasal 8 ayat (3)).</summary>
    ModerateDiscipline,

    /// <summary>Hukuman disiplin berat (severe; PP 53/2010 Pasal 7 ayat (4), PP 94/2021 Pasal 8 ayat (4)).</summary>
    SevereDiscipline,

    /// <summary>Pemberhentian tidak dengan hormat (dishonourable dismissal).</summary>
    Dismissal,

    /// <summary>A criminal penalty (pidana) under an election statute.</summary>
    Criminal,

    /// <summary>No tier is assigned, or the sources conflict; the rule's note says which.</summary>
    Unspecified,

    /// <summary>Nothing: the rule says what is allowed.</summary>
    None,
}

/// <summary>One article of one instrument: the structured legal basis of a rule or an authority.</summary>
public sealed record LegalReference(string InstrumentId, string Article);

/// <summary>
/// One version of a neutrality rule: what an ASN must not, may or must do, in which phases and kinds of election,
/// with its sanction and legal basis, and the days on which that legal basis was the law (<see cref="ValidFrom"/>
/// to <see cref="ValidTo"/>, inclusive). A rule that changed wording, scope, tier or citation has one row per version;
/// the older ones name the current one in <see cref="VersionOf"/>. A rule whose phases include
/// <see cref="PhaseIds.Baseline"/> holds on every date of its validity.
/// </summary>
public sealed record NeutralityRule(
    string Id,
    string? VersionOf,
    RuleKind Kind,
    Addressee Addressee,
    LocalizedText Text,
    IReadOnlyList<string> Phases,
    IReadOnlyList<ElectionKind> ElectionKinds,
    LocalDate ValidFrom,
    LocalDate? ValidTo,
    SanctionKind SanctionKind,
    LocalizedText SanctionText,
    IReadOnlyList<LegalReference> LegalBasis,
    IReadOnlyList<string> ExceptionTo,
    string Source,
    Confidence Confidence,
    LocalizedText? Note)
{
    public bool HoldsAlways => Phases.Contains(PhaseIds.Baseline);

    public RuleScope Scope => HoldsAlways ? RuleScope.Always : RuleScope.Phase;

    /// <summary>The id of the current version: the rule's own id, or the one it is an older version of.</summary>
    public string Family => VersionOf ?? Id;

    /// <summary>True when this version's legal basis was the law on <paramref name="date"/>.</summary>
    public bool InForceOn(LocalDate date) => date >= ValidFrom && (ValidTo is not { } to || date <= to);

    /// <summary>Dismissal first, then criminal, severe, moderate, light, ethics, unspecified, none.</summary>
    public static int Severity(SanctionKind kind) => kind switch
    {
        SanctionKind.Dismissal => 0,
        SanctionKind.Criminal => 1,
        SanctionKind.SevereDiscipline => 2,
        SanctionKind.ModerateDiscipline => 3,
        SanctionKind.LightDiscipline => 4,
        SanctionKind.Ethics => 5,
        SanctionKind.Unspecified => 6,
        _ => 7,
    };
}

/// <summary>The kind of a law, regulation or other text that rules cite.</summary>
public enum InstrumentKind
{
    /// <summary>A statute (undang-undang, UU).</summary>
    UndangUndang,

    /// <summary>A government regulation in lieu of a statute (peraturan pemerintah pengganti undang-undang).</summary>
    Perppu,

    /// <summary>A government regulation (peraturan pemerintah, PP).</summary>
    PeraturanPemerintah,

    /// <summary>A presidential regulation (peraturan presiden, Perpres).</summary>
    PeraturanPresiden,

    /// <summary>A circular (surat edaran, SE) of a minister or agency.</summary>
    SuratEdaran,

    /// <summary>A joint decree of several bodies (surat keputusan bersama, SKB).</summary>
    KeputusanBersama,

    /// <summary>A cooperation agreement between bodies (perjanjian kerja sama, PKS).</summary>
    PerjanjianKerjaSama,

    /// <summary>A ruling of the Constitutional Court (putusan Mahkamah Konstitusi).</summary>
    PutusanMk,

    /// <summary>A public statement by an official: guidance, not a legal instrument.</summary>
    Pernyataan,
}

/// <summary>A law, regulation, circular, ruling or statement that rules cite, with the days it was in force.</summary>
public sealed record Instrument(
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
    public bool InForceOn(LocalDate date) => date >= InForceFrom && (InForceTo is not { } to || date <= to);

    /// <summary>True when the instrument is in force on every day from <paramref name="from"/> to <paramref name="to"/> (null: open-ended).</summary>
    public bool Covers(LocalDate from, LocalDate? to) =>
        from >= InForceFrom && (InForceTo is not { } end || (to is { } last && last <= end));
}

/// <summary>A way to reach a body: a public page or application.</summary>
public sealed record Channel(string Label, string Url);

/// <summary>A body that supervises ASN neutrality, receives reports or imposes sanctions, in the period it did so.</summary>
public sealed record Authority(
    string Id,
    LocalizedText Name,
    LocalizedText Role,
    IReadOnlyList<ElectionKind> ElectionKinds,
    LocalDate ValidFrom,
    LocalDate? ValidTo,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<LegalReference> LegalBasis,
    string Source,
    Confidence Confidence,
    LocalizedText? Note)
{
    public bool InForceOn(LocalDate date) => date >= ValidFrom && (ValidTo is not { } to || date <= to);
}

/// <summary>
/// A concrete act in plain words, and the rule families that decide it, in precedence order: the first family with a
/// version in force that day decides (so an allowed exception is listed before the prohibition it qualifies).
/// </summary>
public sealed record Act(string Id, LocalizedText Text, IReadOnlyList<string> Keywords, IReadOnlyList<string> Rules);
