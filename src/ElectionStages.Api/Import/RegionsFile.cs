using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Import;

/// <summary><c>regions.csv</c>: provinces and regencies/cities by Kemendagri code, each with its time zone.</summary>
internal static class RegionsFile
{
    public const string Name = "regions.csv";

    public static readonly string[] Columns = ["code", "name", "kind", "parent_code", "zone", "source"];

    public static List<Region> Read(SeedTable? table, List<SeedProblem> problems)
    {
        var regions = new List<(Region Region, SeedRow Row)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var code = row.Required("code", problems);
            if (code is not null && !RegionCodes.IsCanonical(code))
            {
                problems.Add(row.Problem($"code '{code}' must be a province code like 33 or a regency/city code like 33.03"));
            }

            var name = row.Required("name", problems);
            var kind = row.Choice("kind", Vocabulary<RegionKind>.ByWord, problems);
            var parent = row.Optional("parent_code");
            var zone = row.Required("zone", problems);
            if (zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                problems.Add(row.Problem($"zone '{zone}' is not an IANA time zone id"));
            }

            var source = row.Required("source", problems);
            if (code is not null && !seen.TryAdd(code, row.Line))
            {
                problems.Add(row.Problem($"duplicate region code '{code}' (first on line {seen[code]})"));
            }

            if (problems.Count == before)
            {
                regions.Add((new Region(code!, name!, kind!.Value, parent, zone!, source!), row));
            }
        }

        var byCode = regions.ToDictionary(r => r.Region.Code, r => r.Region, StringComparer.Ordinal);
        foreach (var (region, row) in regions)
        {
            if (region.Kind == RegionKind.Province)
            {
                if (region.ParentCode is not null || region.Code.Length != 2)
                {
                    problems.Add(row.Problem("a province has a two-digit code and no parent_code"));
                }

                continue;
            }

            if (region.Code.Length != 5 || region.ParentCode != region.Code[..2])
            {
                problems.Add(row.Problem("a regency/city has a code like 33.03 and its province's code ('33') as parent_code"));
            }
            else if (!byCode.TryGetValue(region.ParentCode, out var parent) || parent.Kind != RegionKind.Province)
            {
                problems.Add(row.Problem($"parent_code '{region.ParentCode}' is not a province"));
            }
            else if (parent.ZoneId != region.ZoneId)
            {
                problems.Add(row.Problem($"zone {region.ZoneId} differs from its province's {parent.ZoneId}; no province is split between zones"));
            }
        }

        return [.. regions.Select(r => r.Region)];
    }
}
