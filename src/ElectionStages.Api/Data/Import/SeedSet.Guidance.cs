using System.Text.RegularExpressions;
using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Data.Import;

/// <summary>The seed files behind the ASN guidance: regions, phases, contests, where regional contests run, rules.</summary>
internal sealed partial class SeedSet
{
    public const string RegionsFile = "regions.csv";
    public const string PhasesFile = "phases.csv";
    public const string ContestsFile = "contests.csv";
    public const string ElectionRegionsFile = "election_regions.csv";
    public const string RulesFile = "rules.csv";

    private static readonly string[] RegionColumns = ["code", "name", "kind", "parent_code", "zone", "source"];

    private static readonly string[] PhaseColumns = ["id", "ordinal", "name_id", "name_en", "description_id", "description_en", "source"];

    private static readonly string[] ContestColumns =
        ["election_id", "id", "name_id", "name_en", "cycle_start", "candidates_determined", "campaign", "quiet_period",
         "voting_day", "cycle_end", "source", "confidence", "note"];

    private static readonly string[] ElectionRegionColumns = ["election_id", "region_code", "contest_id", "source", "note"];

    private static readonly string[] RuleColumns =
        ["id", "kind", "text_id", "text_en", "phases", "election_kinds", "sanction_kind", "sanction_text", "legal_basis",
         "source", "confidence", "note"];

    private static List<Region> ReadRegions(string directory, List<SeedProblem> problems)
    {
        var table = ReadTable(directory, RegionsFile, RegionColumns, problems);
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

    private static List<Phase> ReadPhases(string directory, List<SeedProblem> problems)
    {
        var table = ReadTable(directory, PhasesFile, PhaseColumns, problems);
        var phases = new List<Phase>();
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Required("id", problems);
            if (id is not null && (!PhaseIds.All.Contains(id) || phases.Any(p => p.Id == id)))
            {
                problems.Add(row.Problem($"id '{id}' must be one of {string.Join(", ", PhaseIds.All)}, each once"));
            }

            var ordinal = row.PositiveInt("ordinal", problems);
            if (id is not null && ordinal is { } given && PhaseIds.All.Contains(id) && given != PhaseIds.All.ToList().IndexOf(id) + 1)
            {
                problems.Add(row.Problem($"phase '{id}' has ordinal {PhaseIds.All.ToList().IndexOf(id) + 1} in the phase order ({string.Join(", ", PhaseIds.All)})"));
            }

            var name = Localized(row, "name", problems);
            var description = Localized(row, "description", problems);
            var source = row.Required("source", problems);
            if (problems.Count == before)
            {
                phases.Add(new Phase(id!, ordinal!.Value, name!, description!, source!));
            }
        }

        if (table is not null)
        {
            foreach (var missing in PhaseIds.All.Except(phases.Select(p => p.Id)))
            {
                problems.Add(new SeedProblem(PhasesFile, 0, $"phase '{missing}' is missing"));
            }
        }

        return phases;
    }

    private static List<Contest> ReadContests(string directory, List<Election> elections, List<Stage> stages, List<SeedProblem> problems)
    {
        var table = ReadTable(directory, ContestsFile, ContestColumns, problems);
        var stagesByKey = stages.ToDictionary(s => (s.ElectionId, s.Id));
        var contests = new List<Contest>();
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var electionId = row.Required("election_id", problems);
            if (electionId is not null && elections.All(e => e.Id != electionId))
            {
                problems.Add(row.Problem($"election_id '{electionId}' is not in {ElectionsFile}"));
                continue;
            }

            var id = Slug(row, "id", problems);
            var name = Localized(row, "name", problems);
            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            LocalDate? Day(string column) => StageDay(row, column, electionId!, stagesByKey, problems);
            DateInterval? Span(string column) => StageSpan(row, column, electionId!, stagesByKey, problems);
            var cycleStart = Day("cycle_start");
            var determined = Day("candidates_determined");
            var campaign = Span("campaign");
            var quiet = Span("quiet_period");
            var voting = Span("voting_day");
            var cycleEnd = Day("cycle_end");
            if (voting is null && row.Optional("voting_day") is null)
            {
                problems.Add(row.Problem("voting_day is required"));
            }
            else if (voting is { } v && v.Start != v.End)
            {
                problems.Add(row.Problem($"voting_day stage '{row.Optional("voting_day")}' must be a single day"));
            }

            if (problems.Count > before)
            {
                continue;
            }

            if (contests.Any(c => c.ElectionId == electionId && c.Id == id))
            {
                problems.Add(row.Problem($"duplicate contest '{id}' in election '{electionId}'"));
                continue;
            }

            if (PhaseOrderProblem(cycleStart, determined, campaign, quiet, voting!.Start, cycleEnd) is { } orderProblem)
            {
                problems.Add(row.Problem(orderProblem));
            }

            contests.Add(new Contest(electionId!, id!, name!, cycleStart, determined, campaign, quiet, voting.Start, cycleEnd,
                source!, confidence!.Value, row.Optional("note")));
        }

        return contests;
    }

    /// <summary>
    /// Phases follow each other without overlap, and the quiet period fills the days between campaign and voting
    /// exactly (UU 7/2017 Pasal 278(1), UU 8/2015 Pasal 67(2)); otherwise some day of the cycle would have two phases
    /// or none.
    /// </summary>
    private static string? PhaseOrderProblem(LocalDate? cycleStart, LocalDate? determined, DateInterval? campaign, DateInterval? quiet, LocalDate voting, LocalDate? cycleEnd)
    {
        var firstAfterDetermination = campaign?.Start ?? quiet?.Start ?? voting;
        if (cycleStart is { } start && start > (determined ?? firstAfterDetermination))
        {
            return $"cycle_start {start:uuuu-MM-dd} is after the next phase starts";
        }

        if (determined is { } d && d >= firstAfterDetermination)
        {
            return $"candidates_determined {d:uuuu-MM-dd} must come before the campaign, quiet period and voting day";
        }

        if (campaign is { } c && (c.End >= voting || c.End >= (quiet?.Start ?? voting)))
        {
            return $"the campaign ends {c.End:uuuu-MM-dd}, not before the quiet period or voting day";
        }

        if (quiet is { } q && (q.End.PlusDays(1) != voting || (campaign is { } before && before.End.PlusDays(1) != q.Start)))
        {
            return $"the quiet period {q.Start:uuuu-MM-dd}..{q.End:uuuu-MM-dd} must run from the day after the campaign to the day before voting ({voting:uuuu-MM-dd})";
        }

        if (cycleEnd is { } end && end < voting)
        {
            return $"cycle_end {end:uuuu-MM-dd} is before voting_day {voting:uuuu-MM-dd}";
        }

        return null;
    }

    private static List<ElectionRegion> ReadElectionRegions(
        string directory, List<Election> elections, List<Region> regions, List<Contest> contests, List<SeedProblem> problems)
    {
        var table = ReadTable(directory, ElectionRegionsFile, ElectionRegionColumns, problems);
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
                problems.Add(row.Problem($"election_id '{electionId}' is not in {ElectionsFile}"));
            }
            else if (election.Kind == ElectionKind.Pemilu)
            {
                problems.Add(row.Problem($"'{electionId}' is a general election and applies everywhere; it takes no region rows"));
            }

            var region = regions.FirstOrDefault(r => r.Code == code);
            if (region is null)
            {
                problems.Add(row.Problem($"region_code '{code}' is not in {RegionsFile}"));
            }
            else if (election is { Kind: ElectionKind.Pilkada } && ContestLevelProblem(contestId!, region) is { } levelProblem)
            {
                problems.Add(row.Problem(levelProblem));
            }

            if (contests.All(c => c.ElectionId != electionId || c.Id != contestId))
            {
                problems.Add(row.Problem($"contest_id '{contestId}' is not a contest of '{electionId}' in {ContestsFile}"));
            }

            if (!seen.TryAdd((electionId!, code!, contestId!), row.Line))
            {
                problems.Add(row.Problem($"duplicate row for {electionId} {code} {contestId} (first on line {seen[(electionId!, code!, contestId!)]})"));
            }

            if (problems.Count == before)
            {
                result.Add(new ElectionRegion(electionId!, code!, contestId!, source!, row.Optional("note")));
            }
        }

        return result;
    }

    /// <summary>A governor race is held by a province, a regent or mayor race by a regency or city.</summary>
    private static string? ContestLevelProblem(string contestId, Region region) => contestId switch
    {
        "governor" when region.Kind != RegionKind.Province => $"a governor race is held by a province, not {region.Code}",
        "regent-mayor" when region.Kind == RegionKind.Province => $"a regent-mayor race is held by a regency/city, not province {region.Code}",
        "governor" or "regent-mayor" => null,
        _ => $"contest '{contestId}' of a regional election must be governor or regent-mayor",
    };

    private static List<NeutralityRule> ReadRules(string directory, List<SeedProblem> problems)
    {
        var table = ReadTable(directory, RulesFile, RuleColumns, problems);
        var rules = new List<NeutralityRule>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = Slug(row, "id", problems);
            var kind = row.Choice("kind", Vocabulary<RuleKind>.ByWord, problems);
            var text = Localized(row, "text", problems);
            var phases = List(row, "phases", problems);
            foreach (var unknown in phases.Except(PhaseIds.All))
            {
                problems.Add(row.Problem($"phase '{unknown}' is not one of {string.Join(", ", PhaseIds.All)}"));
            }

            if (phases.Contains(PhaseIds.Baseline) && phases.Count > 1)
            {
                problems.Add(row.Problem("'baseline' (every date) stands alone in phases"));
            }

            var electionKinds = new List<ElectionKind>();
            foreach (var word in List(row, "election_kinds", problems))
            {
                if (Vocabulary<ElectionKind>.ByWord.TryGetValue(word, out var electionKind))
                {
                    electionKinds.Add(electionKind);
                }
                else
                {
                    problems.Add(row.Problem($"election kind '{word}' is not one of pemilu, pilkada"));
                }
            }

            var sanction = row.Choice("sanction_kind", Vocabulary<SanctionKind>.ByWord, problems);
            if (kind is { } k && sanction is { } s && (k == RuleKind.Allowed) != (s == SanctionKind.None))
            {
                problems.Add(row.Problem("sanction_kind is 'none' for an allowed act, and only then"));
            }

            var sanctionText = row.Required("sanction_text", problems);
            var legalBasis = List(row, "legal_basis", problems);
            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate rule id '{id}' (first on line {seen[id]})"));
            }

            if (problems.Count == before)
            {
                rules.Add(new NeutralityRule(id!, kind!.Value, text!, phases, electionKinds, sanction!.Value, sanctionText!,
                    legalBasis, source!, confidence!.Value, row.Optional("note")));
            }
        }

        return rules;
    }

    private static LocalizedText? Localized(SeedRow row, string prefix, List<SeedProblem> problems)
    {
        var id = row.Required($"{prefix}_id", problems);
        var en = row.Required($"{prefix}_en", problems);
        return id is null || en is null ? null : new LocalizedText(id, en);
    }

    /// <summary>A required, non-empty <c>;</c>-separated list.</summary>
    private static List<string> List(SeedRow row, string column, List<SeedProblem> problems)
    {
        var text = row.Required(column, problems);
        List<string> items = text is null ? [] : [.. text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        if (text is not null && items.Count == 0)
        {
            problems.Add(row.Problem($"{column} '{text}' lists nothing"));
        }

        return items;
    }

    /// <summary>A date taken from a stage: <c>stage-id@start</c> or <c>stage-id@end</c>.</summary>
    private static LocalDate? StageDay(SeedRow row, string column, string electionId, Dictionary<(string, string), Stage> stages, List<SeedProblem> problems)
    {
        var text = row.Optional(column);
        if (text is null)
        {
            return null;
        }

        var match = StageDayPattern().Match(text);
        if (!match.Success)
        {
            problems.Add(row.Problem($"{column} '{text}' must be stage-id@start or stage-id@end"));
            return null;
        }

        var dates = DatedStage(row, column, electionId, match.Groups[1].Value, stages, problems);
        return dates is null ? null : match.Groups[2].Value == "start" ? dates.Start : dates.End;
    }

    /// <summary>A whole stage's dates, by stage id.</summary>
    private static DateInterval? StageSpan(SeedRow row, string column, string electionId, Dictionary<(string, string), Stage> stages, List<SeedProblem> problems) =>
        row.Optional(column) is { } stageId ? DatedStage(row, column, electionId, stageId, stages, problems) : null;

    private static DateInterval? DatedStage(SeedRow row, string column, string electionId, string stageId, Dictionary<(string, string), Stage> stages, List<SeedProblem> problems)
    {
        if (!stages.TryGetValue((electionId, stageId), out var stage))
        {
            problems.Add(row.Problem($"{column}: '{stageId}' is not a stage of '{electionId}'"));
            return null;
        }

        if (stage.Dates is null || stage.Status != StageStatus.Scheduled)
        {
            problems.Add(row.Problem($"{column}: stage '{stageId}' has no dates in force to bound a phase"));
            return null;
        }

        return stage.Dates;
    }

    [GeneratedRegex("^([a-z0-9-]+)@(start|end)$")]
    private static partial Regex StageDayPattern();
}
