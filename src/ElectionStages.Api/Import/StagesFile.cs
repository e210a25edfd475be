using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Import;

/// <summary><c>stages.csv</c>: one row per stage or sub-stage of an election, with its dates or its rule.</summary>
internal static class StagesFile
{
    public const string Name = "stages.csv";

    public static readonly string[] Columns =
        ["election_id", "id", "parent_id", "ordinal", "name_id", "name_en", "start", "end", "rule_text_id", "rule_text_en",
         "status", "basis", "source", "source_ref", "confidence", "note_id", "note_en"];

    public static List<Stage> Read(SeedTable? table, List<Election> elections, List<SeedProblem> problems)
    {
        var electionIds = elections.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var stages = new List<(Stage Stage, SeedRow Row)>();
        var firstLineOfId = new Dictionary<(string, string), int>();
        foreach (var row in table?.Rows ?? [])
        {
            var stage = ReadStage(row, electionIds, problems);
            if (stage is null)
            {
                continue;
            }

            if (!firstLineOfId.TryAdd((stage.ElectionId, stage.Id), row.Line))
            {
                problems.Add(row.Problem(
                    $"duplicate stage id '{stage.Id}' in election '{stage.ElectionId}' (first on line {firstLineOfId[(stage.ElectionId, stage.Id)]})"));
                continue;
            }

            stages.Add((stage, row));
        }

        CheckHierarchy(stages, problems);
        return [.. stages.Select(s => s.Stage)];
    }

    private static Stage? ReadStage(SeedRow row, HashSet<string> electionIds, List<SeedProblem> problems)
    {
        var before = problems.Count;
        var electionId = row.Required("election_id", problems);
        if (electionId is not null && !electionIds.Contains(electionId))
        {
            problems.Add(row.Problem($"election_id '{electionId}' is not in {ElectionsFile.Name}"));
        }

        var id = row.Slug("id", problems);
        var parentId = row.Optional("parent_id");
        var ordinal = row.PositiveInt("ordinal", problems);
        var nameId = row.Required("name_id", problems);
        var nameEn = row.Required("name_en", problems);
        var start = row.Date("start", problems);
        var end = row.Date("end", problems);
        var ruleText = row.OptionalLocalized("rule_text", problems);
        var status = row.Choice("status", Vocabulary<StageStatus>.ByWord, problems);
        var basis = row.Choice("basis", Vocabulary<StageBasis>.ByWord, problems);
        var source = row.Required("source", problems);
        var sourceRef = row.Required("source_ref", problems);
        var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
        var note = row.OptionalLocalized("note", problems);

        var hasStart = row.Optional("start") is not null;
        var hasEnd = row.Optional("end") is not null;
        if (hasStart != hasEnd)
        {
            problems.Add(row.Problem("start and end must both be given or both be empty"));
        }
        else if (start is { } s && end is { } e && s > e)
        {
            problems.Add(row.Problem($"start {s:uuuu-MM-dd} is after end {e:uuuu-MM-dd}"));
        }
        else if (!hasStart && ruleText is null && row.Optional("rule_text_id") is null && row.Optional("rule_text_en") is null)
        {
            problems.Add(row.Problem("a stage without dates needs rule_text_id and rule_text_en saying why (the regulation's rule or the sources' wording)"));
        }

        if (id is not null && parentId == id)
        {
            problems.Add(row.Problem($"stage '{id}' cannot be its own parent"));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var dates = start is { } first && end is { } last ? new DateInterval(first, last) : null;
        return new Stage(electionId!, id!, parentId, ordinal!.Value, new LocalizedText(nameId!, nameEn!), dates, ruleText,
            status!.Value, basis!.Value, source!, sourceRef!, confidence!.Value, note);
    }

    private static void CheckHierarchy(List<(Stage Stage, SeedRow Row)> stages, List<SeedProblem> problems)
    {
        var byKey = stages.ToDictionary(s => (s.Stage.ElectionId, s.Stage.Id));
        foreach (var (stage, row) in stages)
        {
            if (stage.ParentId is not { } parentId)
            {
                continue;
            }

            if (!byKey.TryGetValue((stage.ElectionId, parentId), out var parent))
            {
                problems.Add(row.Problem($"parent_id '{parentId}' is not a stage of election '{stage.ElectionId}'"));
                continue;
            }

            if (LeadsToCycle(stage, byKey))
            {
                problems.Add(row.Problem($"parent_id '{parentId}' makes a cycle of sub-stages"));
                continue;
            }

            // A parent without dates (a relative stage) does not excuse a child from its dated grandparent.
            var dated = parent;
            while (dated.Stage.Dates is null && dated.Stage.ParentId is { } up && byKey.TryGetValue((stage.ElectionId, up), out var next))
            {
                dated = next;
            }

            if (stage.Dates is { } dates && dated.Stage.Dates is { } parentDates &&
                (dates.Start < parentDates.Start || dates.End > parentDates.End))
            {
                problems.Add(row.Problem(
                    $"sub-stage {dates.Start:uuuu-MM-dd}..{dates.End:uuuu-MM-dd} lies outside its parent '{dated.Stage.Id}' " +
                    $"{parentDates.Start:uuuu-MM-dd}..{parentDates.End:uuuu-MM-dd} (line {dated.Row.Line})"));
            }

            if (parent.Stage.Status == StageStatus.NotHeld && stage.Status != StageStatus.NotHeld)
            {
                problems.Add(row.Problem($"parent '{parentId}' was not held, so its sub-stage must be not-held too"));
            }
        }
    }

    private static bool LeadsToCycle(Stage stage, Dictionary<(string, string), (Stage Stage, SeedRow Row)> byKey)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { stage.Id };
        var current = stage;
        while (current.ParentId is { } parentId && byKey.TryGetValue((current.ElectionId, parentId), out var parent))
        {
            if (!seen.Add(parent.Stage.Id))
            {
                return true;
            }

            current = parent.Stage;
        }

        return false;
    }
}
