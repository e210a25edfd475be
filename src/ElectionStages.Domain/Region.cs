namespace ElectionStages.Domain;

/// <summary>The level of a region in the Kemendagri code list.</summary>
public enum RegionKind
{
    /// <summary>A province (provinsi), code <c>33</c>.</summary>
    Province,

    /// <summary>A regency (kabupaten), code <c>33.03</c>.</summary>
    Regency,

    /// <summary>A city (kota), code <c>33.72</c>.</summary>
    City,
}

/// <summary>A province or regency/city by its Kemendagri code (<c>33</c>, <c>33.03</c>), with the zone it keeps time in.</summary>
public sealed record Region(string Code, string Name, RegionKind Kind, string? ParentCode, string ZoneId, string Source);
