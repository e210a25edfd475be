using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary><c>elections.csv</c>: one row per election.</summary>
internal static class ElectionsFile
{
    public const string Name = "elections.csv";

    /// <summary>A short name titles calendar events and fills filter columns (<c>PSU Pilkada 2024</c>).</summary>
    public const int ShortNameMaxLength = 40;

    public static readonly string[] Columns =
        ["id", "kind", "name_id", "name_en", "short_name", "voting_day", "regulation", "source", "confidence", "note_id", "note_en"];

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
            var shortName = ShortName(row, problems);
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

            if (id is null || kind is null || nameId is null || nameEn is null || shortName is null || votingDay is null ||
                regulation is null || source is null || confidence is null || problems.Count > before)
            {
                continue;
            }

            elections.Add(new Election(id, kind.Value, new LocalizedText(nameId, nameEn), shortName, votingDay.Value, regulation,
                source, confidence.Value, note));
        }

        return elections;
    }

    /// <summary>The required <c>short_name</c> column (of this file and <see cref="ExpectedElectionsFile"/>).</summary>
    internal static string? ShortName(SeedRow row, List<SeedProblem> problems)
    {
        var shortName = row.Required("short_name", problems);
        if (shortName is { Length: > ShortNameMaxLength })
        {
            problems.Add(row.Problem($"short_name is {shortName.Length} characters; at most {ShortNameMaxLength} (it titles calendar events)"));
            return null;
        }

        return shortName;
    }
}
