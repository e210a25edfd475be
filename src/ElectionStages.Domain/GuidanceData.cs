namespace ElectionStages.Domain;

/// <summary>The tables behind the ASN guidance, as imported.</summary>
public sealed record GuidanceData(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<Contest> Contests,
    IReadOnlyList<ElectionRegion> ElectionRegions,
    IReadOnlyList<NeutralityRule> Rules,
    IReadOnlyList<Instrument> Instruments,
    IReadOnlyList<Authority> Authorities,
    IReadOnlyList<Act> Acts)
{
    public static readonly GuidanceData Empty = new([], [], [], [], [], [], [], []);
}
