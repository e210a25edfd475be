using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// A schedule as an Excel workbook (Office Open XML, written with Microsoft's Open XML SDK). Sheet "Tahapan": one row
/// per stage and sub-stage in schedule order under one header row ("Tahapan (Stage)": Indonesian with the English in
/// brackets), frozen and with an autofilter; start and end are real dates (<c>yyyy-mm-dd</c>); sub-stages are indented
/// and grouped under their stage (Excel's row outline, so they fold). Rows of medium or low confidence say so in the
/// column "Belum pasti (Uncertain)" and are filled yellow (medium) or orange (low). Sheet "Keterangan" explains the
/// columns and colours. The same snapshot gives the same bytes: every timestamp in the file is the import time.
/// </summary>
internal static class StageXlsx
{
    public const string StagesSheet = "Tahapan";
    public const string AboutSheet = "Keterangan";

    /// <summary>The header of the column that marks uncertain rows, for readers of the file (and its tests).</summary>
    public const string UncertainHeader = "Belum pasti (Uncertain)";

    private static readonly (string Header, double Width)[] Columns =
    [
        ("Pemilu (Election)", 16),
        ("Nomor (Outline)", 10),
        ("Tingkat (Level)", 10),
        ("Tahapan (Stage)", 60),
        ("Tahapan, Inggris (Stage, English)", 50),
        ("Mulai (Start)", 12),
        ("Selesai (End)", 12),
        ("Ketentuan waktu (Timing rule)", 30),
        ("Ketentuan waktu, Inggris (Timing rule, English)", 30),
        ("Status (Status)", 22),
        ("Dasar (Basis)", 30),
        ("Sumber (Source)", 50),
        ("Rujukan sumber (Source reference)", 40),
        ("Keyakinan (Confidence)", 18),
        (UncertainHeader, 14),
        ("Catatan (Note)", 60),
        ("Catatan, Inggris (Note, English)", 60),
        ("ID pemilu (Election id)", 24),
        ("ID tahapan (Stage id)", 30),
        ("ID induk (Parent id)", 30),
        ("Urutan (Ordinal)", 10),
    ];

    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>1 January 1900 is serial day 1 in Excel, which counts a 29 February 1900 that never was.</summary>
    private static readonly LocalDate ExcelEpoch = new(1899, 12, 30);

    /// <summary>One election's schedule.</summary>
    public static byte[] Write(Election election, IEnumerable<Stage> stages, CalendarSnapshot snapshot) =>
        Write(
            new LocalizedText($"Tahapan {election.Name.Id}", $"Stages of the {election.Name.En}"),
            [new LocalizedText($"Peraturan: {election.Regulation}", $"Regulation: {election.Regulation}")],
            stages,
            snapshot);

    /// <summary>
    /// Any stages (of one or several elections) under <paramref name="title"/>; <paramref name="about"/> adds lines
    /// to the "Keterangan" sheet after the title.
    /// </summary>
    public static byte[] Write(LocalizedText title, IReadOnlyList<LocalizedText> about, IEnumerable<Stage> stages, CalendarSnapshot snapshot)
    {
        var rows = stages.ToList();
        var positions = StageOutline.Of(rows);
        var labels = FeedText.ElectionLabels(rows.Select(s => s.ElectionId).Distinct(StringComparer.Ordinal).Select(snapshot.FindElection).OfType<Election>());
        var styles = new Styles();
        var strings = new SharedStrings();

        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            // Every relationship id is given: the SDK would make random ones, and new bytes for the same data.
            var workbookPart = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rId1");
            WriteCoreProperties(document.AddNewPart<CoreFilePropertiesPart>("rId2"), title, snapshot.ImportedAt);
            var stagesPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
            stagesPart.Worksheet = StagesWorksheet(rows, positions, labels, styles, strings);
            var aboutPart = workbookPart.AddNewPart<WorksheetPart>("rId2");
            aboutPart.Worksheet = AboutWorksheet(title, about, snapshot, styles, strings);

            var lastColumn = ColumnName(Columns.Length - 1);
            workbookPart.Workbook = new Workbook(
                new Sheets(
                    new Sheet { Id = "rId1", SheetId = 1, Name = StagesSheet },
                    new Sheet { Id = "rId2", SheetId = 2, Name = AboutSheet }),
                // Excel keeps the autofilter's range in this hidden name; without it Excel repairs the file.
                new DefinedNames(new DefinedName($"'{StagesSheet}'!$A$1:${lastColumn}${rows.Count + 1}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0,
                    Hidden = true,
                }));

            workbookPart.AddNewPart<WorkbookStylesPart>("rId3").Stylesheet = styles.Stylesheet();
            workbookPart.AddNewPart<SharedStringTablePart>("rId4").SharedStringTable = strings.Table();
        }

        return WithTimestamps(buffer.ToArray(), snapshot.ImportedAt);
    }

    private static Worksheet StagesWorksheet(
        List<Stage> rows,
        IReadOnlyDictionary<(string ElectionId, string Id), StagePosition> positions,
        IReadOnlyDictionary<string, string> labels,
        Styles styles,
        SharedStrings strings)
    {
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < Columns.Length; i++)
        {
            header.Append(strings.Cell(i, 1, Columns[i].Header, styles.Of(Kind.Header)));
        }

        data.Append(header);
        var deepest = 1;
        for (var r = 0; r < rows.Count; r++)
        {
            var stage = rows[r];
            var position = positions[(stage.ElectionId, stage.Id)];
            deepest = Math.Max(deepest, position.Level);
            var rowIndex = (uint)(r + 2);
            var fill = stage.Confidence switch
            {
                Confidence.Low => Fill.Low,
                Confidence.Medium => Fill.Medium,
                _ => Fill.None,
            };
            var text = styles.Of(Kind.Text, fill);
            var confidence = FeedText.Words(stage.Confidence);
            var row = new Row { RowIndex = rowIndex };
            if (position.Level > 1)
            {
                row.OutlineLevel = (byte)Math.Min(position.Level - 1, 7);
            }

            var column = 0;
            row.Append(
                strings.Cell(column++, rowIndex, labels.GetValueOrDefault(stage.ElectionId, stage.ElectionId), text),
                strings.Cell(column++, rowIndex, position.Outline, text),
                NumberCell(column++, rowIndex, position.Level, text),
                strings.Cell(column++, rowIndex, stage.Name.Id, styles.Of(Kind.Text, fill, indent: position.Level - 1)),
                strings.Cell(column++, rowIndex, stage.Name.En, text),
                DateCell(column++, rowIndex, stage.Dates?.Start, styles.Of(Kind.Date, fill)),
                DateCell(column++, rowIndex, stage.Dates?.End, styles.Of(Kind.Date, fill)),
                strings.Cell(column++, rowIndex, stage.RuleText?.Id, text),
                strings.Cell(column++, rowIndex, stage.RuleText?.En, text),
                strings.Cell(column++, rowIndex, Both(FeedText.Words(stage.Status)), text),
                strings.Cell(column++, rowIndex, Both(FeedText.Words(stage.Basis)), text),
                strings.Cell(column++, rowIndex, stage.Source, text),
                strings.Cell(column++, rowIndex, stage.SourceRef, text),
                strings.Cell(column++, rowIndex, Both(confidence), text),
                strings.Cell(column++, rowIndex, FeedText.IsUncertain(stage.Confidence) ? "ya (yes)" : "tidak (no)", text),
                strings.Cell(column++, rowIndex, stage.Note?.Id, text),
                strings.Cell(column++, rowIndex, stage.Note?.En, text),
                strings.Cell(column++, rowIndex, stage.ElectionId, text),
                strings.Cell(column++, rowIndex, stage.Id, text),
                strings.Cell(column++, rowIndex, stage.ParentId, text),
                NumberCell(column, rowIndex, stage.Ordinal, text));
            data.Append(row);
        }

        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (var i = 0; i < Columns.Length; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Columns[i].Width, CustomWidth = true });
        }

        return new Worksheet(
            // The stage is above its sub-stages, so the outline's summary row is above the group.
            new SheetProperties(new OutlineProperties { SummaryBelow = false }),
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
            {
                TabSelected = true,
                WorkbookViewId = 0,
            }),
            new SheetFormatProperties { DefaultRowHeight = 15, OutlineLevelRow = (byte)Math.Min(deepest - 1, 7) },
            columns,
            data,
            new AutoFilter { Reference = $"A1:{ColumnName(Columns.Length - 1)}{rows.Count + 1}" });
    }

    private static Worksheet AboutWorksheet(LocalizedText title, IReadOnlyList<LocalizedText> about, CalendarSnapshot snapshot, Styles styles, SharedStrings strings)
    {
        var imported = snapshot.ImportedAt.ToString("uuuu-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        LocalizedText[] lines =
        [
            new("Keterangan", "About this file"),
            title,
            .. about,
            new(
                $"Revisi data {snapshot.Revision.ToString(CultureInfo.InvariantCulture)}, diimpor {imported}.",
                $"Data revision {snapshot.Revision.ToString(CultureInfo.InvariantCulture)}, imported {imported}."),
            new("Satu baris per tahapan dan sub-tahapan, dalam urutan jadwal.", "One row per stage and sub-stage, in schedule order."),
            new(
                "Tingkat: 1 = tahapan utama, 2 = sub-tahapan, 3 = bagian dari sub-tahapan. Sub-tahapan dapat dilipat (tanda + / − di kiri).",
                "Level: 1 = main stage, 2 = sub-stage, 3 = part of a sub-stage. Sub-stages fold (the + / − marks on the left)."),
            new(
                "Nomor: urutan dari tahapan utama ke bawah, dipisah titik (6, 6.2, 6.2.1). Nomor tahapan utama adalah nomor Lampiran peraturan.",
                "Outline: the ordinals from the main stage down, joined by dots (6, 6.2, 6.2.1). A main stage's number is its Lampiran number."),
            new(
                "Mulai dan Selesai: hari pertama dan hari terakhir (termasuk). Kosong bila peraturan memberi ketentuan, bukan tanggal (lihat Ketentuan waktu).",
                "Start and End: first and last day, inclusive. Empty where the regulation gives a rule instead of dates (see Timing rule)."),
            new(
                "Baris kuning: keyakinan sedang. Baris jingga: keyakinan rendah. Keduanya bertanda \"ya\" di kolom Belum pasti: periksa sumbernya.",
                "Yellow rows: medium confidence. Orange rows: low confidence. Both say \"ya (yes)\" under Uncertain: check the source."),
            new(
                "Disusun dari peraturan dan halaman publik yang dikutip di kolom Sumber; bukan pendapat hukum.",
                "Compiled from the regulations and public pages cited under Source; not legal advice."),
        ];

        var data = new SheetData();
        for (var i = 0; i < lines.Length; i++)
        {
            var rowIndex = (uint)(i + 1);
            var style = styles.Of(i == 0 ? Kind.Header : Kind.Text);
            data.Append(new Row(strings.Cell(0, rowIndex, lines[i].Id, style), strings.Cell(1, rowIndex, lines[i].En, style)) { RowIndex = rowIndex });
        }

        return new Worksheet(
            new DocumentFormat.OpenXml.Spreadsheet.Columns(
                new Column { Min = 1, Max = 2, Width = 100, CustomWidth = true }),
            data);
    }

    /// <summary>
    /// docProps/core.xml, written here rather than through the package's properties, which System.IO.Packaging stores
    /// under a random part name: title and description, and the import time as created and modified.
    /// </summary>
    private static void WriteCoreProperties(CoreFilePropertiesPart part, LocalizedText title, Instant importedAt)
    {
        const string Core = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        const string Terms = "http://purl.org/dc/terms/";
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var stamp = importedAt.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var stream = part.GetStream(FileMode.Create);
        using var xml = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartElement("cp", "coreProperties", Core);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, Terms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("title", Dc, title.Id);
        xml.WriteElementString("description", Dc, title.En);
        xml.WriteElementString("creator", Dc, "ElectionStages");
        xml.WriteElementString("language", Dc, "id");
        foreach (var name in new[] { "created", "modified" })
        {
            xml.WriteStartElement(name, Terms);
            xml.WriteAttributeString("type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(stamp);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Both(LocalizedText text) => $"{text.Id} ({text.En})";

    private static Cell NumberCell(int column, uint row, int value, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        StyleIndex = style,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>A date as Excel stores one: the day number since its epoch, shown through a date format.</summary>
    private static Cell DateCell(int column, uint row, LocalDate? date, uint style)
    {
        var cell = new Cell { CellReference = $"{ColumnName(column)}{row}", StyleIndex = style };
        if (date is { } day)
        {
            cell.CellValue = new CellValue(Period.Between(ExcelEpoch, day, PeriodUnits.Days).Days.ToString(CultureInfo.InvariantCulture));
        }

        return cell;
    }

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    /// <summary>
    /// The package again with every zip entry dated <paramref name="importedAt"/>: System.IO.Packaging dates entries
    /// "now", which would give every build of the same data new bytes (and a new ETag). Entries keep their order.
    /// </summary>
    private static byte[] WithTimestamps(byte[] package, Instant importedAt)
    {
        // Zip (DOS) times hold local wall-clock time from 1980 on, two-second steps; UTC is the honest choice.
        var stamp = new DateTimeOffset(importedAt.ToDateTimeUtc() < new DateTime(1980, 1, 2, 0, 0, 0, DateTimeKind.Utc)
            ? new DateTime(1980, 1, 2, 0, 0, 0, DateTimeKind.Utc)
            : importedAt.ToDateTimeUtc());
        using var output = new MemoryStream(package.Length);
        using (var source = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private enum Kind
    {
        Text,
        Date,
        Header,
    }

    private enum Fill
    {
        None,
        Medium,
        Low,
    }

    /// <summary>Cell formats made on first use, so the style sheet holds exactly the ones the cells use, in a fixed order.</summary>
    private sealed class Styles
    {
        private const uint DateFormatId = 164;

        // Fills 0 and 1 are the two every workbook must start with (none, gray125).
        private static readonly string[] FillColours = ["FFD9E1F2", "FFFFF2CC", "FFFCE4D6"];

        private readonly Dictionary<(Kind, Fill, int), uint> indexes = [];
        private readonly List<(Kind Kind, Fill Fill, int Indent)> formats = [(Kind.Text, Fill.None, 0)];

        public uint Of(Kind kind, Fill fill = Fill.None, int indent = 0)
        {
            var key = (kind, fill, indent);
            if (kind == Kind.Text && fill == Fill.None && indent == 0)
            {
                return 0;
            }

            if (!indexes.TryGetValue(key, out var index))
            {
                index = (uint)formats.Count;
                formats.Add(key);
                indexes[key] = index;
            }

            return index;
        }

        public Stylesheet Stylesheet()
        {
            var fills = new Fills(
                new DocumentFormat.OpenXml.Spreadsheet.Fill(new PatternFill { PatternType = PatternValues.None }),
                new DocumentFormat.OpenXml.Spreadsheet.Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
            foreach (var colour in FillColours)
            {
                fills.Append(new DocumentFormat.OpenXml.Spreadsheet.Fill(new PatternFill(new ForegroundColor { Rgb = colour }) { PatternType = PatternValues.Solid }));
            }

            var cellFormats = new CellFormats();
            foreach (var (kind, fill, indent) in formats)
            {
                var format = new CellFormat
                {
                    FontId = kind == Kind.Header ? 1u : 0u,
                    FillId = kind == Kind.Header ? 2u : fill switch { Fill.Medium => 3u, Fill.Low => 4u, _ => 0u },
                    BorderId = kind == Kind.Header ? 1u : 0u,
                    NumberFormatId = kind == Kind.Date ? DateFormatId : 0u,
                    FormatId = 0,
                };
                if (kind != Kind.Text || fill != Fill.None)
                {
                    format.ApplyFill = kind == Kind.Header || fill != Fill.None;
                    format.ApplyFont = kind == Kind.Header;
                    format.ApplyBorder = kind == Kind.Header;
                    format.ApplyNumberFormat = kind == Kind.Date;
                }

                if (indent > 0)
                {
                    format.Alignment = new Alignment { Indent = (uint)indent };
                    format.ApplyAlignment = true;
                }

                cellFormats.Append(format);
            }

            return new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }),
                new Fonts(
                    new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                    new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })),
                fills,
                new Borders(
                    new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                    new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder())),
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
                cellFormats,
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
        }
    }

    /// <summary>The workbook's shared string table: each distinct text once, cells point to it by index.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> indexes = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];
        private uint references;

        /// <summary>A text cell, or an empty (styled) cell for null or empty text.</summary>
        public Cell Cell(int column, uint row, string? text, uint style)
        {
            var cell = new Cell { CellReference = $"{ColumnName(column)}{row}", StyleIndex = style };
            if (!string.IsNullOrEmpty(text))
            {
                if (!indexes.TryGetValue(text, out var index))
                {
                    index = texts.Count;
                    texts.Add(text);
                    indexes[text] = index;
                }

                references++;
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
            }

            return cell;
        }

        public SharedStringTable Table()
        {
            var table = new SharedStringTable { Count = references, UniqueCount = (uint)texts.Count };
            foreach (var text in texts)
            {
                // Keep leading and trailing spaces and line breaks as they are.
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }

            return table;
        }
    }
}
