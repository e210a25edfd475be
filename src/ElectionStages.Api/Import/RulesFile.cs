using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>rules.csv</c>: the ASN neutrality rules, prohibited and allowed acts, with sanction and legal basis.</summary>
internal static class RulesFile
{
    public const string Name = "rules.csv";

    public static readonly string[] Columns =
        ["id", "kind", "text_id", "text_en", "phases", "election_kinds", "sanction_kind", "sanction_text", "legal_basis",
         "source", "confidence", "note"];

    public static List<NeutralityRule> Read(SeedTable? table, List<SeedProblem> problems)
    {
        var rules = new List<NeutralityRule>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Slug("id", problems);
            var kind = row.Choice("kind", Vocabulary<RuleKind>.ByWord, problems);
            var text = row.Localized("text", problems);
            var phases = row.List("phases", problems);
            foreach (var unknown in phases.Except(PhaseIds.All))
            {
                problems.Add(row.Problem($"phase '{unknown}' is not one of {string.Join(", ", PhaseIds.All)}"));
            }

            if (phases.Contains(PhaseIds.Baseline) && phases.Count > 1)
            {
                problems.Add(row.Problem("'baseline' (every date) stands alone in phases"));
            }

            var electionKinds = new List<ElectionKind>();
            foreach (var word in row.List("election_kinds", problems))
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
            var legalBasis = row.List("legal_basis", problems);
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
}
