namespace ElectionStages.Domain;

public enum RuleKind
{
    Prohibited,
    Allowed,
}

public enum SanctionKind
{
    /// <summary>Sanksi moral under the civil-service code of ethics (PP 42/2004).</summary>
    Ethics,

    /// <summary>Hukuman disiplin sedang (PP 94/2021).</summary>
    ModerateDiscipline,

    /// <summary>Hukuman disiplin berat (PP 94/2021).</summary>
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

/// <summary>
/// What an ASN must not, or may, do, in which phases and for which kinds of election, with its sanction and legal
/// basis. A rule whose phases include <see cref="PhaseIds.Baseline"/> holds on every date.
/// </summary>
public sealed record NeutralityRule(
    string Id,
    RuleKind Kind,
    LocalizedText Text,
    IReadOnlyList<string> Phases,
    IReadOnlyList<ElectionKind> ElectionKinds,
    SanctionKind SanctionKind,
    string SanctionText,
    IReadOnlyList<string> LegalBasis,
    string Source,
    Confidence Confidence,
    string? Note)
{
    public bool HoldsAlways => Phases.Contains(PhaseIds.Baseline);
}
