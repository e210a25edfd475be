using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>election_regions.csv</c>: where each contest of a regional election is held.</summary>
internal static class ElectionRegionsFile
{
    public const string Name = "election_regions.csv";

    public static readonly string[] Columns = ["election_id", "region_code", "contest_id", "source", "note_id", "note_en"];

    public static List<ElectionRegion> Read(
        SeedTable? table, List<Election> elections, List<Region> regions, List<Contest> contests, List<SeedProblem> problems)
    {
        var result = new List<ElectionRegion>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var electionId = row.Required("election_id", problems);
            var code = row.Required("region_code", problems);
            var contestId = row.Required("contest_id", problems);
            var source = row.Required("source", problems);
            if (problems.Count > before)
            {
                continue;
            }

            var election = elections.FirstOrDefault(e => e.Id == electionId);
            if (election is null)
            {
                problems.Add(row.Problem($"election_id '{electionId}' is not in {ElectionsFile.Name}"));
            }
            else if (election.Kind == ElectionKind.Pemilu)
            {
                problems.Add(row.Problem($"'{electionId}' is a general election and applies everywhere; it takes no region rows"));
            }

            var region = regions.FirstOrDefault(r => r.Code == code);
            if (region is null)
            {
                problems.Add(row.Problem($"region_code '{code}' is not in {RegionsFile.Name}"));
            }
            else if (election is { Kind: ElectionKind.Pilkada } && ElectionRegion.ContestLevelProblem(contestId!, region) is { } levelProblem)
            {
                problems.Add(row.Problem(levelProblem));
            }

            if (contests.All(c => c.ElectionId != electionId || c.Id != contestId))
            {
                problems.Add(row.Problem($"contest_id '{contestId}' is not a contest of '{electionId}' in {ContestsFile.Name}"));
            }

            if (!seen.TryAdd((electionId!, code!, contestId!), row.Line))
            {
                problems.Add(row.Problem($"duplicate row for {electionId} {code} {contestId} (first on line {seen[(electionId!, code!, contestId!)]})"));
            }

            var note = row.OptionalLocalized("note", problems);
            if (problems.Count == before)
            {
                result.Add(new ElectionRegion(electionId!, code!, contestId!, source!, note));
            }
        }

        return result;
    }
}
