namespace ElectionStages.Domain;

/// <summary>How sure the data is of a fact, by the sources it was read from.</summary>
public enum Confidence
{
    /// <summary>Two or more independent sources agree, or the regulation's own text.</summary>
    High,

    /// <summary>One reputable source (several outlets copying one upstream text count as one).</summary>
    Medium,

    /// <summary>Uncertain or conflicting sources; the note states the conflict.</summary>
    Low,
}
