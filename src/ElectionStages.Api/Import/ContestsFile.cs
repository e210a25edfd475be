using System.Text.RegularExpressions;
using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Import;

/// <summary><c>contests.csv</c>: the races of each election, their phase boundaries taken from stages by id.</summary>
internal static partial class ContestsFile
{
    public const string Name = "contests.csv";

    public static readonly string[] Columns =
        ["election_id", "id", "name_id", "name_en", "cycle_start", "candidates_determined", "campaign", "quiet_period",
         "voting_day", "cycle_end", "source", "confidence", "note_id", "note_en"];

    public static List<Contest> Read(SeedTable? table, List<Election> elections, List<Stage> stages, List<SeedProblem> problems)
    {
        var stagesByKey = stages.ToDictionary(s => (s.ElectionId, s.Id));
        var contests = new List<Contest>();
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var electionId = row.Required("election_id", problems);
            if (electionId is not null && elections.All(e => e.Id != electionId))
            {
                problems.Add(row.Problem($"election_id '{electionId}' is not in {ElectionsFile.Name}"));
                continue;
            }

            var id = row.Slug("id", problems);
            var name = row.Localized("name", problems);
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
            var note = row.OptionalLocalized("note", problems);
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

            if (Contest.PhaseOrderProblem(cycleStart, determined, campaign, quiet, voting!.Start, cycleEnd) is { } orderProblem)
            {
                problems.Add(row.Problem(orderProblem));
            }

            contests.Add(new Contest(electionId!, id!, name!, cycleStart, determined, campaign, quiet, voting.Start, cycleEnd,
                source!, confidence!.Value, note));
        }

        return contests;
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
