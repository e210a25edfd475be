using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ElectionStages.Domain;

namespace ElectionStages.Api.Import;

/// <summary>
/// What an import changes, file by file and row by row: the seed files of the last import against the new ones, each
/// row known by its key columns (<c>election_id/id</c> for a stage) and compared cell by cell.
/// </summary>
internal static class SeedDiff
{
    /// <summary>The columns that identify a row of each seed file.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Keys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ElectionsFile.Name] = ["id"],
        [StagesFile.Name] = ["election_id", "id"],
        [RegionsFile.Name] = ["code"],
        [PhasesFile.Name] = ["id"],
        [ContestsFile.Name] = ["election_id", "id"],
        [ElectionRegionsFile.Name] = ["election_id", "region_code", "contest_id"],
        [InstrumentsFile.Name] = ["id"],
        [RulesFile.Name] = ["id"],
        [AuthoritiesFile.Name] = ["id"],
        [ActsFile.Name] = ["id"],
        [ExpectedElectionsFile.Name] = ["id"],
    };

    /// <summary>The changes from <paramref name="previous"/> (file name → bytes; empty for the first import) to <paramref name="next"/>.</summary>
    public static IReadOnlyList<TableChange> Compare(IReadOnlyDictionary<string, byte[]> previous, SeedFiles next)
    {
        var changes = new List<TableChange>();
        foreach (var (file, key) in Keys)
        {
            var before = Rows(previous.GetValueOrDefault(file), key);
            var after = Rows(next.Content(file), key);
            var added = after.Keys.Where(k => !before.ContainsKey(k)).ToList();
            var removed = before.Keys.Where(k => !after.ContainsKey(k)).ToList();
            var changed = after
                .Where(row => before.ContainsKey(row.Key))
                .Select(row => new RowChange(row.Key, ChangedFields(before[row.Key], row.Value)))
                .Where(change => change.Fields.Count > 0)
                .ToList();
            if (added.Count + removed.Count + changed.Count > 0)
            {
                changes.Add(new TableChange(file, added, removed, changed));
            }
        }

        return changes;
    }

    private static List<string> ChangedFields(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys)
            .Where(column => before.GetValueOrDefault(column) != after.GetValueOrDefault(column))
            .Order(StringComparer.Ordinal)];

    /// <summary>The rows of a validated seed file by key, in file order (a file read before may have other columns).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> Rows(byte[]? content, string[] key)
    {
        var rows = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (content is null)
        {
            return rows;
        }

        using var reader = new StreamReader(new MemoryStream(content, writable: false), new System.Text.UTF8Encoding(false));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || key.Any(k => !header.Contains(k, StringComparer.Ordinal)))
        {
            return rows;
        }

        while (csv.Read())
        {
            var cells = header.Select((column, i) => (column, value: csv.GetField(i)?.Trim() ?? "")).ToDictionary(c => c.column, c => c.value, StringComparer.Ordinal);
            rows.TryAdd(string.Join('/', key.Select(k => cells[k])), cells);
        }

        return rows;
    }
}
