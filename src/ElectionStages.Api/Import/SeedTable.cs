using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ElectionStages.Api.Import;

/// <summary>One CSV file read with CsvHelper: its rows as column → cell, each with the line it starts on.</summary>
internal sealed partial class SeedTable
{
    private SeedTable(string fileName, IReadOnlyList<SeedRow> rows)
    {
        FileName = fileName;
        Rows = rows;
    }

    public string FileName { get; }

    public IReadOnlyList<SeedRow> Rows { get; }

    /// <summary>
    /// Reads one file's bytes (strict UTF-8); a header that lacks a required column or has an unknown one is a problem
    /// (an unknown column would be silently dropped otherwise).
    /// </summary>
    public static SeedTable Read(string fileName, byte[] content, IReadOnlyCollection<string> columns, ICollection<SeedProblem> problems)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = true,
            DetectColumnCountChanges = false,
            BadDataFound = null,
        };
        using var reader = new StreamReader(new MemoryStream(content, writable: false), new System.Text.UTF8Encoding(false, true));
        using var csv = new CsvReader(reader, config);
        var rows = new List<SeedRow>();
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                problems.Add(new SeedProblem(fileName, 1, "the file is empty; a header row is required"));
                return new SeedTable(fileName, rows);
            }

            foreach (var missing in columns.Except(header, StringComparer.Ordinal))
            {
                problems.Add(new SeedProblem(fileName, 1, $"missing column '{missing}'"));
            }

            foreach (var unknown in header.Except(columns, StringComparer.Ordinal))
            {
                problems.Add(new SeedProblem(fileName, 1, $"unknown column '{unknown}'"));
            }

            while (csv.Read())
            {
                // RawRow is the record's last line (after any blank lines skipped before it); count back over the
                // line breaks inside a quoted field to the line the record starts on.
                var rawRecord = csv.Parser.RawRecord.TrimEnd('\r', '\n');
                var line = csv.Parser.RawRow - rawRecord.Count(c => c == '\n');
                var record = csv.Parser.Record ?? [];
                if (record.Length != header.Length)
                {
                    problems.Add(new SeedProblem(fileName, line, $"has {record.Length} fields, the header has {header.Length}"));
                    continue;
                }

                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    cells[header[i]] = record[i];
                    if (InternalReference().Match(record[i]) is { Success: true } match)
                    {
                        problems.Add(new SeedProblem(fileName, line,
                            $"{header[i]} refers to internal notes ('{match.Value}'); served data cites the regulation (article, Lampiran row) and public pages only"));
                    }
                }

                rows.Add(new SeedRow(fileName, line, cells));
            }
        }
        catch (Exception e) when (e is CsvHelperException or System.Text.DecoderFallbackException)
        {
            problems.Add(new SeedProblem(fileName, csv.Parser.RawRow, $"unreadable CSV: {e.Message.Split('\n')[0]}"));
        }

        return new SeedTable(fileName, rows);
    }

    /// <summary>
    /// What marks a reference to the project's own notes, which users cannot open: a section sign, a bare Markdown file
    /// name (a path in a public repository, <c>pp/2010/53.md</c>, is a public copy), the word "research" (as in "research §2"), a "notes file".
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"§|(?<![/\w.-])[\w.-]+\.md\b|\bresearch|\bnotes? file", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex InternalReference();
}
