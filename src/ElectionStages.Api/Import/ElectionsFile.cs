using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>elections.csv</c>: one row per election.</summary>
internal static class ElectionsFile
{
    public const string Name = "elections.csv";

    public static readonly string[] Columns =
        ["id", "kind", "name_id", "name_en", "voting_day", "regulation", "source", "confidence", "note_id", "note_en"];

    public static List<Election> Read(SeedTable? table, List<SeedProblem> problems)
    {
        var elections = new List<Election>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table?.Rows ?? [])
        {
            var id = row.Slug("id", problems);
            var kind = row.Choice("kind", Vocabulary<ElectionKind>.ByWord, problems);
            var nameId = row.Required("name_id", problems);
            var nameEn = row.Required("name_en", problems);
            var votingDay = row.Date("voting_day", problems);
            if (votingDay is null && row.Optional("voting_day") is null)
            {
                problems.Add(row.Problem("voting_day is required"));
            }

            var regulation = row.Required("regulation", problems);
            var source = row.Required("source", problems);
            var confidence = row.Choice("confidence", Vocabulary<Confidence>.ByWord, problems);
            var before = problems.Count;
            var note = row.OptionalLocalized("note", problems);
            if (id is not null && !firstLineOfId.TryAdd(id, row.Line))
            {
                problems.Add(row.Problem($"duplicate election id '{id}' (first on line {firstLineOfId[id]})"));
                continue;
            }

            if (id is null || kind is null || nameId is null || nameEn is null || votingDay is null ||
                regulation is null || source is null || confidence is null || problems.Count > before)
            {
                continue;
            }

            elections.Add(new Election(id, kind.Value, new LocalizedText(nameId, nameEn), votingDay.Value, regulation,
                source, confidence.Value, note));
        }

        return elections;
    }
}
