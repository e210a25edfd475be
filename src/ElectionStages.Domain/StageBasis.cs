namespace ElectionStages.Domain;

/// <summary>What kind of text a stage row comes from.</summary>
public enum StageBasis
{
    /// <summary>Printed in the annex (Lampiran) of the stage regulation.</summary>
    Lampiran,

    /// <summary>Set by an implementing regulation.</summary>
    Implementing,

    /// <summary>An event as it took place (a decree, a ruling), recorded for context.</summary>
    Actual,
}
