using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary>
/// <c>expected_elections.csv</c>: elections decided in principle (by law or a ruling) but not scheduled: no voting day,
/// a window where the law gives one, and what is and is not decided.
/// </summary>
internal static class ExpectedElectionsFile
{
    public const string Name = "expected_elections.csv";

    public static readonly string[] Columns =
        ["id", "kind", "name_id", "name_en", "short_name", "window_start", "window_end", "window_text_id", "window_text_en", "legal_basis",
         "source", "confidence", "note_id", "note_en"];

    public static List<ExpectedElection> Read(SeedTable? table, List<Election> elections, List<Instrument> instruments, List<SeedProblem> problems)
    {
        var scheduled = elections.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var known = instruments.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var expected = new List<ExpectedElection>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Slug("id", problems);
            var kind = row.Choice("kind", Vocabulary<ElectionKind>.ByWord, problems);
            var name = row.Localized("name", problems);
            var shortName = ElectionsFile.ShortName(row, problems);
            var start = row.Date("window_start", problems);
            var end = row.Date("window_end", problems);
            if ((row.Optional("window_start") is null) != (row.Optional("window_end") is null))
            {
                problems.Add(row.Problem("window_start and window_end must both be given or both be empty"));
            }
            else if (start is { } s && end is { } e && s > e)
            {
                problems.Add(row.Problem($"window_start {s:uuuu-MM-dd} is after window_end {e:uuuu-MM-dd}"));
            }

            var text = row.Localized("window_text", problems);
            var legalBasis = row.LegalReferences("legal_basis", problems);
            foreach (var unknown in legalBasis.Where(r => !known.Contains(r.InstrumentId)))
            {
                problems.Add(row.Problem($"legal_basis cites '{unknown.InstrumentId}', which is not in {InstrumentsFile.Name}"));
            }

            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            var note = row.OptionalLocalized("note", problems);
            if (id is not null && scheduled.Contains(id))
            {
                problems.Add(row.Problem($"'{id}' is a scheduled election in {ElectionsFile.Name}; an election is either scheduled or expected"));
            }

            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate expected election id '{id}' (first on line {seen[id]})"));
            }

            if (problems.Count == before)
            {
                expected.Add(new ExpectedElection(id!, kind!.Value, name!, shortName!, start, end, text!, legalBasis, source!, confidence!.Value, note));
            }
        }

        return expected;
    }
}
