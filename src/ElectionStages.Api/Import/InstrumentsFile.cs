using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>instruments.csv</c>: the laws, regulations, circulars, rulings and statements that rules cite, with the days each was in force.</summary>
internal static class InstrumentsFile
{
    public const string Name = "instruments.csv";

    public static readonly string[] Columns =
        ["id", "short_name", "title_id", "title_en", "kind", "promulgated", "in_force_from", "in_force_to", "url", "source",
         "confidence", "note_id", "note_en"];

    public static List<Instrument> Read(SeedTable? table, List<SeedProblem> problems)
    {
        var instruments = new List<Instrument>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var before = problems.Count;
            var id = row.Slug("id", problems);
            var shortName = row.Required("short_name", problems);
            var title = row.Localized("title", problems);
            var kind = row.Choice("kind", Vocabulary<InstrumentKind>.ByWord, problems);
            var promulgated = row.Date("promulgated", problems);
            var from = row.Date("in_force_from", problems);
            if (from is null && row.Optional("in_force_from") is null)
            {
                problems.Add(row.Problem("in_force_from is required"));
            }

            var to = row.Date("in_force_to", problems);
            if (from is { } start && to is { } end && end < start)
            {
                problems.Add(row.Problem($"in_force_to {end:uuuu-MM-dd} is before in_force_from {start:uuuu-MM-dd}"));
            }

            var url = row.Optional("url");
            if (url is not null && !SeedRow.IsPublicUrl(url))
            {
                problems.Add(row.Problem($"url '{url}' is not an absolute http(s) URL"));
            }

            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            var note = row.OptionalLocalized("note", problems);
            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate instrument id '{id}' (first on line {seen[id]})"));
            }

            if (problems.Count == before)
            {
                instruments.Add(new Instrument(id!, shortName!, title!, kind!.Value, promulgated, from!.Value, to, url, source!,
                    confidence!.Value, note));
            }
        }

        return instruments;
    }
}
