namespace ElectionStages.Domain;

/// <summary>The kind of election.</summary>
public enum ElectionKind
{
    /// <summary>General election (national): President, DPR, DPD, DPRD.</summary>
    Pemilu,

    /// <summary>Regional head election: governor, regent, mayor.</summary>
    Pilkada,
}
