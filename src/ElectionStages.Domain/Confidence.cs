namespace ElectionStages.Domain;

/// <summary>How sure the seed data is of a fact; see seed-data/README.md for the key.</summary>
public enum Confidence
{
    High,
    Medium,
    Low,
}
