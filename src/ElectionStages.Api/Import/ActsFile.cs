using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>acts.csv</c>: concrete acts in plain words, each with the rules that decide it, in precedence order.</summary>
internal static class ActsFile
{
    public const string Name = "acts.csv";

    public static readonly string[] Columns = ["id", "text_id", "text_en", "keywords", "rules"];

    public static List<Act> Read(SeedTable? table, List<NeutralityRule> rules, List<SeedProblem> problems)
    {
        var heads = rules.Where(r => r.VersionOf is null).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var acts = new List<Act>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Slug("id", problems);
            var text = row.Localized("text", problems);
            var keywords = row.List("keywords", problems);
            var deciding = row.List("rules", problems);
            foreach (var rule in deciding.Where(r => !heads.Contains(r)))
            {
                problems.Add(row.Problem($"rules names '{rule}', which is not the id of a current rule in {RulesFile.Name}"));
            }

            if (deciding.Distinct(StringComparer.Ordinal).Count() != deciding.Count)
            {
                problems.Add(row.Problem("rules names a rule twice"));
            }

            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate act id '{id}' (first on line {seen[id]})"));
            }

            if (problems.Count == before)
            {
                acts.Add(new Act(id!, text!, keywords, deciding));
            }
        }

        return acts;
    }
}
