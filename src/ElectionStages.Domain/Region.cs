namespace ElectionStages.Domain;

public enum RegionKind
{
    Province,
    Regency,
    City,
}

/// <summary>A province or regency/city by its Kemendagri code (<c>33</c>, <c>33.03</c>), with the zone it keeps time in.</summary>
public sealed record Region(string Code, string Name, RegionKind Kind, string? ParentCode, string ZoneId, string Source);
