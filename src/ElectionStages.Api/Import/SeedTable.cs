using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ElectionStages.Api.Import;

/// <summary>One CSV file read with CsvHelper: its rows as column → cell, each with the line it starts on.</summary>
internal sealed partial class SeedTable
{
    /// <summary>The largest seed file read; the real ones are well under 1 MB.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The longest cell accepted; the longest real one (a rule's note) is under 3,000 characters.</summary>
    public const int MaxCellLength = 8_000;

    private SeedTable(string fileName, IReadOnlyList<SeedRow> rows, bool unreadable = false)
    {
        FileName = fileName;
        Rows = rows;
        Unreadable = unreadable;
    }

    /// <summary>True when the file could not be read as a table at all (its rows, if any, are not to be checked further).</summary>
    public bool Unreadable { get; }

    public string FileName { get; }

    public IReadOnlyList<SeedRow> Rows { get; }

    /// <summary>
    /// Reads one file's bytes (strict UTF-8); a header that lacks a required column or has an unknown one is a problem
    /// (an unknown column would be silently dropped otherwise).
    /// </summary>
    public static SeedTable Read(string fileName, byte[] content, IReadOnlyCollection<string> columns, ICollection<SeedProblem> problems)
    {
        if (content.Length > MaxFileBytes)
        {
            problems.Add(new SeedProblem(fileName, 0, $"is {content.Length:N0} bytes; a seed file may have at most {MaxFileBytes:N0}"));
            return new SeedTable(fileName, [], unreadable: true);
        }

        if (InvalidUtf8At(content) is { } bad)
        {
            problems.Add(new SeedProblem(fileName, bad.Line, $"byte {bad.Offset} is not valid UTF-8"));
            return new SeedTable(fileName, [], unreadable: true);
        }

        // The CSV parser reads a NUL as the end of the data: a row after it would silently vanish.
        if (Array.IndexOf(content, (byte)0) is var nul and >= 0)
        {
            problems.Add(new SeedProblem(fileName, content.AsSpan(0, nul).Count((byte)'\n') + 1, "contains a NUL byte (U+0000)"));
            return new SeedTable(fileName, [], unreadable: true);
        }

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
                return new SeedTable(fileName, rows, unreadable: true);
            }

            var headerProblems = problems.Count;
            foreach (var missing in columns.Except(header, StringComparer.Ordinal))
            {
                problems.Add(new SeedProblem(fileName, 1, $"missing column '{missing}'"));
            }

            foreach (var unknown in header.Except(columns, StringComparer.Ordinal))
            {
                problems.Add(new SeedProblem(fileName, 1, $"unknown column '{unknown}'"));
            }

            // With a wrong header every row would report the same missing cells: the header is the one problem.
            if (problems.Count > headerProblems)
            {
                return new SeedTable(fileName, rows, unreadable: true);
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
                    if (CellProblem(record[i]) is { } cellProblem)
                    {
                        problems.Add(new SeedProblem(fileName, line, $"{header[i]} {cellProblem}"));
                    }
                    else if (InternalReference().Match(record[i]) is { Success: true } match)
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
            return new SeedTable(fileName, rows, unreadable: true);
        }

        return new SeedTable(fileName, rows);
    }

    /// <summary>Text the database and every reader can hold: no control characters but tab and line breaks, and not too long.</summary>
    private static string? CellProblem(string cell)
    {
        if (cell.Length > MaxCellLength)
        {
            return $"is {cell.Length:N0} characters long; a cell may have at most {MaxCellLength:N0}";
        }

        var control = cell.FirstOrDefault(c => (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c == '\uFEFF');
        return control == default ? null : $"contains the control character U+{(int)control:X4}";
    }

    /// <summary>The line and offset of the first byte that is not UTF-8 (a BOM at the start is fine), or null.</summary>
    private static (int Line, int Offset)? InvalidUtf8At(byte[] content)
    {
        var span = content.AsSpan();
        var chars = new char[Math.Max(1, content.Length)];
        var status = System.Text.Unicode.Utf8.ToUtf16(span, chars, out var read, out _, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        return (span[..read].Count((byte)'\n') + 1, read);
    }

    /// <summary>
    /// What marks a reference to the project's own notes, which users cannot open: a section sign, a bare Markdown file
    /// name (a path in a public repository, <c>pp/2010/53.md</c>, is a public copy), the word "research" (as in "research §2"), a "notes file".
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"§|(?<![/\w.-])[\w.-]+\.md\b|\bresearch|\bnotes? file", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex InternalReference();
}
