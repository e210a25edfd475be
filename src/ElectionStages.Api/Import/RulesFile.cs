using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary>
/// <c>rules.csv</c>: the ASN neutrality rules, one row per version, each with the days its legal basis was the law,
/// its sanction and its structured legal basis; checked against <c>instruments.csv</c> so that no version cites an
/// instrument that was not in force on every day of the version.
/// </summary>
internal static class RulesFile
{
    public const string Name = "rules.csv";

    public static readonly string[] Columns =
        ["id", "version_of", "kind", "addressee", "text_id", "text_en", "phases", "election_kinds", "valid_from", "valid_to",
         "sanction_kind", "sanction_text_id", "sanction_text_en", "legal_basis", "exception_to", "source", "confidence",
         "note_id", "note_en"];

    public static List<NeutralityRule> Read(SeedTable? table, List<Instrument> instruments, List<SeedProblem> problems)
    {
        var byInstrument = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var rules = new List<(NeutralityRule Rule, SeedRow Row)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Slug("id", problems);
            var versionOf = row.Optional("version_of");
            var kind = row.Choice("kind", Vocabulary<RuleKind>.ByWord, problems);
            var addressee = row.Choice("addressee", Vocabulary<Addressee>.ByWord, problems);
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

            var electionKinds = LegalTime.ElectionKinds(row, problems);
            var (validFrom, validTo) = LegalTime.Validity(row, "the first day this version's legal basis was the law", problems);

            var sanction = row.Choice("sanction_kind", Vocabulary<SanctionKind>.ByWord, problems);
            if (kind is { } k && sanction is { } s && (k == RuleKind.Allowed) != (s == SanctionKind.None))
            {
                problems.Add(row.Problem("sanction_kind is 'none' for an allowed act, and only then"));
            }

            var sanctionText = row.Localized("sanction_text", problems);
            var legalBasis = LegalTime.LegalBasis(row, byInstrument, validFrom, validTo, "split the rule into versions by citation", problems);

            var exceptionTo = row.OptionalList("exception_to");
            if (exceptionTo.Count > 0 && kind is { } exceptionKind && exceptionKind != RuleKind.Allowed)
            {
                problems.Add(row.Problem("only an allowed act can be an exception (exception_to) to a prohibition"));
            }

            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            var note = row.OptionalLocalized("note", problems);
            if (legalBasis.Count == 0 && row.Optional("legal_basis") is null && (confidence != Confidence.Low || note is null))
            {
                problems.Add(row.Problem("legal_basis is required; only a rule that rests on published guidance alone may leave it empty, with confidence low and a note saying so"));
            }

            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate rule id '{id}' (first on line {seen[id]})"));
            }

            if (problems.Count == before)
            {
                rules.Add((new NeutralityRule(id!, versionOf, kind!.Value, addressee!.Value, text!, phases, electionKinds,
                    validFrom!.Value, validTo, sanction!.Value, sanctionText!, legalBasis, exceptionTo, source!,
                    confidence!.Value, note), row));
            }
        }

        CheckVersions(rules, problems);
        return [.. rules.Select(r => r.Rule)];
    }

    /// <summary>
    /// An older version names a current rule (which names none), and two versions of one rule never hold on the same day
    /// for the same kind of election; an exception names a current prohibition.
    /// </summary>
    private static void CheckVersions(List<(NeutralityRule Rule, SeedRow Row)> rules, List<SeedProblem> problems)
    {
        var byId = rules.ToDictionary(r => r.Rule.Id, r => r.Rule, StringComparer.Ordinal);
        foreach (var (rule, row) in rules)
        {
            if (rule.VersionOf is { } head)
            {
                if (!byId.TryGetValue(head, out var current))
                {
                    problems.Add(row.Problem($"version_of '{head}' is not a rule id"));
                }
                else if (current.VersionOf is not null)
                {
                    problems.Add(row.Problem($"version_of '{head}' is itself an older version; name the current rule '{current.VersionOf}'"));
                }
            }

            foreach (var target in rule.ExceptionTo)
            {
                if (!byId.TryGetValue(target, out var prohibition) || prohibition.VersionOf is not null)
                {
                    problems.Add(row.Problem($"exception_to '{target}' is not the id of a current rule"));
                }
                else if (prohibition.Kind is not (RuleKind.Prohibited or RuleKind.Duty))
                {
                    problems.Add(row.Problem($"exception_to '{target}' is not a prohibition or duty"));
                }
            }
        }

        foreach (var family in rules.GroupBy(r => r.Rule.Family, StringComparer.Ordinal))
        {
            var versions = family.OrderBy(r => r.Rule.ValidFrom).ToList();
            for (var i = 0; i < versions.Count; i++)
            {
                for (var j = i + 1; j < versions.Count; j++)
                {
                    var (a, b) = (versions[i].Rule, versions[j].Rule);
                    var overlap = (a.ValidTo is not { } aEnd || aEnd >= b.ValidFrom) && a.ElectionKinds.Intersect(b.ElectionKinds).Any();
                    if (overlap)
                    {
                        problems.Add(versions[j].Row.Problem(
                            $"versions '{a.Id}' and '{b.Id}' of rule '{family.Key}' both hold on {b.ValidFrom:uuuu-MM-dd} for the same kind of election"));
                    }
                }
            }
        }
    }
}
