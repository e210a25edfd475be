using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// The files people open: the XLSX read back with the Open XML SDK, the CSV's level/outline columns and its BOM, the
/// region iCalendar's titles, categories and statuses, and the Content-Disposition names. Every expectation is counted
/// from the JSON the same API serves (itself read from the seeded database) or from seed-data, never typed in.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class DownloadsTests(SeededApiFixture fixture)
{
    private const string Stages = "/v1/elections/pemilu-2024/stages";
    private const string RegionCalendar = "/v1/regions/33.03/calendar";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private async Task<HttpResponseMessage> SendAsync(string url, string? accept = null, string? acceptEncoding = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        return await fixture.Client.SendAsync(request);
    }

    private async Task<List<JsonNode>> JsonStagesAsync(string url = Stages) =>
        [.. (await fixture.Client.GetJsonAsync(url))["stages"]!.AsArray().OfType<JsonNode>()];

    /// <summary>The region calendar's stages as JSON, each with its election id.</summary>
    private async Task<List<(string ElectionId, JsonNode Election, JsonNode Stage)>> RegionStagesAsync() =>
        [.. (await fixture.Client.GetJsonAsync(RegionCalendar))["elections"]!.AsArray()
            .SelectMany(e => e!["stages"]!.AsArray().Select(s => (e["election"].Str("id")!, e["election"]!, s!)))];

    /// <summary>Level and outline as the files define them: the ordinals from the main stage down, joined by dots.</summary>
    private static Dictionary<string, (int Level, string Outline)> ExpectedPositions(IEnumerable<JsonNode> stages)
    {
        var byId = stages.ToDictionary(s => s.Str("id")!);
        var positions = new Dictionary<string, (int, string)>();
        foreach (var (id, stage) in byId)
        {
            var chain = new List<string>();
            for (var current = stage; current is not null; current = current.Str("parentId") is { } parent ? byId[parent] : null)
            {
                chain.Insert(0, ((int)current["ordinal"]!).ToString(CultureInfo.InvariantCulture));
            }

            positions[id] = (chain.Count, string.Join('.', chain));
        }

        return positions;
    }

    // ------------------------------------------------------------------------------------------------------- XLSX

    /// <summary>A worksheet read back as rows of header → cell (text, or the number as written), with the cell styles.</summary>
    private sealed record Sheet(List<string> Headers, List<Dictionary<string, Cell>> Rows, Worksheet Worksheet, WorkbookPart Workbook)
    {
        public string Text(Cell cell)
        {
            var value = cell.CellValue?.Text ?? string.Empty;
            return cell.DataType?.Value == CellValues.SharedString
                ? Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(value, CultureInfo.InvariantCulture)).InnerText
                : value;
        }

        public string Text(Dictionary<string, Cell> row, string header) => row.TryGetValue(header, out var cell) ? Text(cell) : string.Empty;

        public CellFormat Format(Cell cell) =>
            Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
    }

    private static Sheet ReadSheet(SpreadsheetDocument document, string name)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == name);
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var result = new Sheet([], [], worksheet, workbook);
        var columns = new Dictionary<string, string>();
        foreach (var cell in rows[0].Elements<Cell>())
        {
            var header = result.Text(cell);
            result.Headers.Add(header);
            columns[Column(cell)] = header;
        }

        foreach (var row in rows.Skip(1))
        {
            result.Rows.Add(row.Elements<Cell>().ToDictionary(c => columns[Column(c)], c => c));
        }

        return result;
    }

    private static string Column(Cell cell) => new([.. cell.CellReference!.Value!.TakeWhile(char.IsAsciiLetter)]);

    private async Task<(SpreadsheetDocument Document, HttpResponseMessage Response)> XlsxAsync(string url, string? accept = null)
    {
        var response = await SendAsync(url, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        // Valid against the Office Open XML schemas as Excel checks them (what Excel would otherwise "repair").
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        return (document, response);
    }

    [Fact]
    public async Task The_XLSX_has_one_row_per_stage_with_level_outline_real_dates_and_uncertain_rows_marked()
    {
        var (document, response) = await XlsxAsync(Stages + ".xlsx");
        using var _ = document;
        using var __ = response;
        var json = await JsonStagesAsync();
        var expected = ExpectedPositions(json);
        var sheet = ReadSheet(document, "Tahapan");
        var seedRows = SeedStageIds("pemilu-2024");
        var dateFormats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Where(f => f.FormatCode!.Value!.Contains("yy", StringComparison.Ordinal) && f.FormatCode.Value.Contains('d', StringComparison.Ordinal))
            .Select(f => f.NumberFormatId!.Value).ToHashSet();

        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(seedRows.Count, sheet.Rows.Count);
        Assert.Equal(json.Count, sheet.Rows.Count);
        Assert.Contains("Tahapan (Stage)", sheet.Headers);
        Assert.Contains("Tingkat (Level)", sheet.Headers);
        Assert.Contains("Nomor (Outline)", sheet.Headers);
        Assert.Contains(json, s => s.Str("parentId") is not null);
        var uncertain = 0;
        foreach (var (row, stage) in sheet.Rows.Zip(json))
        {
            var id = stage.Str("id")!;
            Assert.Equal(id, sheet.Text(row, "ID tahapan (Stage id)"));
            Assert.Equal(stage.Str("parentId") ?? string.Empty, sheet.Text(row, "ID induk (Parent id)"));
            Assert.Equal((string?)stage["name"]!["id"], sheet.Text(row, "Tahapan (Stage)"));
            Assert.Equal((string?)stage["name"]!["en"], sheet.Text(row, "Tahapan, Inggris (Stage, English)"));
            Assert.Equal(expected[id].Level.ToString(CultureInfo.InvariantCulture), sheet.Text(row, "Tingkat (Level)"));
            Assert.Equal(expected[id].Outline, sheet.Text(row, "Nomor (Outline)"));
            Assert.Equal(stage.Str("source"), sheet.Text(row, "Sumber (Source)"));
            Assert.Equal(stage.Str("sourceRef"), sheet.Text(row, "Rujukan sumber (Source reference)"));
            Assert.Equal((string?)stage["note"]?["id"] ?? string.Empty, sheet.Text(row, "Catatan (Note)"));
            Assert.Equal((string?)stage["note"]?["en"] ?? string.Empty, sheet.Text(row, "Catatan, Inggris (Note, English)"));
            Assert.EndsWith($"({stage.Str("confidence")})", sheet.Text(row, "Keyakinan (Confidence)"), StringComparison.Ordinal);

            foreach (var (header, property) in new[] { ("Mulai (Start)", "start"), ("Selesai (End)", "end") })
            {
                var cell = row[header];
                if (stage.Str(property) is { } date)
                {
                    // A real date: a number (no string type) shown through a date format.
                    Assert.Null(cell.DataType);
                    Assert.Contains(sheet.Format(cell).NumberFormatId!.Value, dateFormats);
                    var day = DateTime.FromOADate(double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
                    Assert.Equal(date, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Null(cell.CellValue);
                }
            }

            var isUncertain = stage.Str("confidence") != "high";
            uncertain += isUncertain ? 1 : 0;
            Assert.Equal(isUncertain ? "ya (yes)" : "tidak (no)", sheet.Text(row, "Belum pasti (Uncertain)"));
            // Uncertain rows are filled, certain ones are not.
            Assert.Equal(isUncertain, sheet.Format(row["Tahapan (Stage)"]).FillId!.Value != 0);
        }

        Assert.Equal(json.Count(s => s.Str("confidence") != "high"), uncertain);
        Assert.True(uncertain > 0, "the test needs uncertain rows in the seed");
        var pane = sheet.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.StartsWith("A1:", sheet.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
        Assert.EndsWith((json.Count + 1).ToString(CultureInfo.InvariantCulture), sheet.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
        Assert.Contains("Keterangan", document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    private static List<string> SeedStageIds(string electionId)
    {
        using var reader = new StreamReader(Path.Combine(Repository.SeedData, "stages.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Where(r => (string)r["election_id"] == electionId).Select(r => (string)r["id"])];
    }

    [Fact]
    public async Task The_XLSX_by_Accept_is_the_file_by_suffix_and_is_sent_uncompressed()
    {
        using var bySuffix = await SendAsync(Stages + ".xlsx", acceptEncoding: "br, gzip");
        using var byAccept = await SendAsync(Stages, XlsxType, acceptEncoding: "br, gzip");

        Assert.Equal(HttpStatusCode.OK, byAccept.StatusCode);
        Assert.Empty(bySuffix.Content.Headers.ContentEncoding);
        Assert.Equal(await bySuffix.Content.ReadAsByteArrayAsync(), await byAccept.Content.ReadAsByteArrayAsync());
        Assert.Equal(bySuffix.Headers.ETag, byAccept.Headers.ETag);
    }

    [Fact]
    public async Task The_region_XLSX_has_every_stage_of_every_election_of_the_region_with_its_election()
    {
        var (document, response) = await XlsxAsync(RegionCalendar, XlsxType);
        using var _ = document;
        using var __ = response;
        var json = await RegionStagesAsync();
        var sheet = ReadSheet(document, "Tahapan");

        Assert.Equal(json.Count, sheet.Rows.Count);
        Assert.True(json.Select(s => s.ElectionId).Distinct().Count() > 1, "the test needs a region with several elections");
        foreach (var (row, (electionId, _, stage)) in sheet.Rows.Zip(json))
        {
            Assert.Equal(electionId, sheet.Text(row, "ID pemilu (Election id)"));
            Assert.Equal(stage.Str("id"), sheet.Text(row, "ID tahapan (Stage id)"));
        }

        // The short label in the first column tells the elections apart.
        Assert.Equal(
            json.Select(s => s.ElectionId).Distinct().Count(),
            sheet.Rows.Select(r => sheet.Text(r, "Pemilu (Election)")).Distinct().Count());
    }

    // ------------------------------------------------------------------------------------------------------- CSV

    [Theory]
    [InlineData(Stages + ".csv")]
    [InlineData(RegionCalendar + ".csv")]
    public async Task The_CSV_keeps_the_seed_columns_in_order_then_level_and_outline_consistent_with_parent_ids(string url)
    {
        using var response = await SendAsync(url);
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var seedHeader = File.ReadLines(Path.Combine(Repository.SeedData, "stages.csv")).First().Split(',');

        Assert.Equal([.. seedHeader, "level", "outline"], rows[0].Keys);
        var byKey = rows.ToDictionary(r => ((string)r["election_id"], (string)r["id"]));
        foreach (var row in rows)
        {
            var parentId = (string)row["parent_id"];
            var ordinal = (string)row["ordinal"];
            if (parentId.Length == 0)
            {
                Assert.Equal("1", row["level"]);
                Assert.Equal(ordinal, row["outline"]);
            }
            else
            {
                var parent = byKey[((string)row["election_id"], parentId)];
                Assert.Equal(int.Parse((string)parent["level"], CultureInfo.InvariantCulture) + 1, int.Parse((string)row["level"], CultureInfo.InvariantCulture));
                Assert.Equal($"{parent["outline"]}.{ordinal}", row["outline"]);
            }
        }

        Assert.Contains(rows, r => (string)r["level"] == "2");
    }

    [Theory]
    [InlineData(Stages + ".csv")]
    [InlineData(Stages + "?bom=true")]
    [InlineData(RegionCalendar + ".csv")]
    public async Task A_CSV_starts_with_a_UTF8_BOM_only_when_asked(string url)
    {
        var accept = url.Contains(".csv", StringComparison.Ordinal) ? null : "text/csv";
        var withBom = url + (url.Contains('?', StringComparison.Ordinal) ? string.Empty : "?bom=true");
        var withoutBom = url.Replace("?bom=true", string.Empty, StringComparison.Ordinal);
        using var plain = await SendAsync(withoutBom, accept);
        using var explicitFalse = await SendAsync(withoutBom + "?bom=false", accept);
        using var marked = await SendAsync(withBom, accept);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var markedBytes = await marked.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal("text/csv", marked.Content.Headers.ContentType?.MediaType);
        Assert.False(plainBytes.AsSpan().StartsWith(Bom));
        Assert.Equal(plainBytes, await explicitFalse.Content.ReadAsByteArrayAsync());
        Assert.Equal([.. Bom, .. plainBytes], markedBytes);
        Assert.NotEqual(plain.Headers.ETag, marked.Headers.ETag);
        Assert.Equal(plain.Content.Headers.ContentDisposition, marked.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task bom_leaves_the_other_representations_as_they_are()
    {
        foreach (var suffix in new[] { ".json", ".ics", ".xlsx" })
        {
            using var plain = await SendAsync(Stages + suffix);
            using var withBom = await SendAsync(Stages + suffix + "?bom=true");

            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), await withBom.Content.ReadAsByteArrayAsync());
            Assert.Equal(plain.Headers.ETag, withBom.Headers.ETag);
        }
    }

    [Theory]
    [InlineData(Stages + ".csv?bom=yes")]
    [InlineData(Stages + ".csv?bom=TRUE")]
    [InlineData(Stages + ".csv?bom=")]
    [InlineData(Stages + ".ics?bom=1")]
    [InlineData(Stages + "?bom=true&bom=false")]
    [InlineData(RegionCalendar + ".csv?bom=ya")]
    [InlineData(RegionCalendar + "?bom=on")]
    public async Task A_bom_other_than_true_or_false_is_a_400_problem_naming_bom(string url)
    {
        using var response = await SendAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bom", problem.Str("parameter"));
        Assert.NotNull(problem["errors"]!["bom"]);
    }

    // ------------------------------------------------------------------------------------------------------- iCalendar

    [Fact]
    public async Task The_region_iCalendar_titles_each_event_with_its_election_and_categorises_it()
    {
        using var response = await SendAsync(RegionCalendar + ".ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var json = (await RegionStagesAsync()).Where(s => s.Stage.Str("start") is not null && s.Stage.Str("status") == "scheduled").ToList();
        var prefixes = new Dictionary<string, string>();

        Assert.Equal(json.Count, calendar.Events.Count);
        foreach (var (electionId, election, stage) in json)
        {
            var evt = Assert.Single(calendar.Events, e => e.Uid == $"{stage.Str("id")}@{electionId}");
            var name = (string)stage["name"]!["id"]!;
            Assert.EndsWith($": {name}", evt.Summary, StringComparison.Ordinal);
            var prefix = evt.Summary![..^(name.Length + 2)];
            // The election's short name (and its voting day where two in the calendar would be the same).
            var shortName = election.Str("shortName")!;
            Assert.True(prefix == shortName || prefix == $"{shortName} ({election.Str("votingDay")})", $"{prefix} for {shortName}");
            Assert.Equal(prefixes.GetValueOrDefault(electionId, prefix), prefix);
            prefixes[electionId] = prefix;

            Assert.Equal(2, evt.Categories.Count);
            Assert.Equal(prefix, evt.Categories[0]);
            Assert.Equal(stage.Str("parentId") is null ? "Tahapan utama (main stage)" : "Sub-tahapan (sub-stage)", evt.Categories[1]);
            Assert.Equal(stage.Str("confidence") == "low" ? "TENTATIVE" : "CONFIRMED", evt.Status);

            // Indonesian first, then English.
            var description = evt.Description!;
            Assert.True(description.IndexOf("Keyakinan:", StringComparison.Ordinal) < description.IndexOf("Confidence:", StringComparison.Ordinal), description);
            Assert.True(description.IndexOf("Keyakinan:", StringComparison.Ordinal) < description.IndexOf((string)stage["name"]!["en"]!, StringComparison.Ordinal), description);
            Assert.Contains((string)election["name"]!["id"]!, description, StringComparison.Ordinal);
        }

        Assert.True(prefixes.Count > 1, "the test needs a region with several elections");
        Assert.Equal(prefixes.Count, prefixes.Values.Distinct().Count());
        var tentative = json.Count(s => s.Stage.Str("confidence") == "low");
        Assert.True(tentative > 0, "the test needs low-confidence dated stages in the region's seed");
        Assert.Equal(tentative, calendar.Events.Count(e => e.Status == "TENTATIVE"));
        Assert.Contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-PUBLISHED-TTL:P1D\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nNAME:Tahapan pemilu dan pilkada: ", text, StringComparison.Ordinal);
        Assert.Contains("\r\nX-WR-CALNAME:Tahapan pemilu dan pilkada: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_elections_iCalendar_keeps_the_stage_name_as_title_and_marks_status_and_categories()
    {
        using var response = await SendAsync(Stages + ".ics");
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var json = (await JsonStagesAsync()).Where(s => s.Str("start") is not null && s.Str("status") == "scheduled").ToList();

        foreach (var stage in json)
        {
            var evt = Assert.Single(calendar.Events, e => e.Uid == $"{stage.Str("id")}@pemilu-2024");
            Assert.Equal((string?)stage["name"]!["id"], evt.Summary);
            Assert.Equal("Pemilu 2024", evt.Categories[0]);
            Assert.Equal(stage.Str("confidence") == "low" ? "TENTATIVE" : "CONFIRMED", evt.Status);
        }

        Assert.Equal(json.Count(s => s.Str("confidence") == "low"), calendar.Events.Count(e => e.Status == "TENTATIVE"));
        Assert.Contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:P1D\r\n", text, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------------------------------------------- names

    [Theory]
    [InlineData(Stages + ".csv", null, "attachment", "pemilu-2024-tahapan.csv")]
    [InlineData(Stages, "text/csv", "attachment", "pemilu-2024-tahapan.csv")]
    [InlineData(Stages + ".ics", null, "inline", "pemilu-2024-tahapan.ics")]
    [InlineData(Stages, "text/calendar", "inline", "pemilu-2024-tahapan.ics")]
    [InlineData(Stages + ".xlsx", null, "attachment", "pemilu-2024-tahapan.xlsx")]
    [InlineData(Stages, XlsxType, "attachment", "pemilu-2024-tahapan.xlsx")]
    [InlineData("/v1/elections/pilkada-2018/stages.csv?bom=true", null, "attachment", "pilkada-2018-tahapan.csv")]
    [InlineData(RegionCalendar + ".ics", null, "inline", "kalender-33.03-kabupaten-purbalingga.ics")]
    [InlineData(RegionCalendar, "text/csv", "attachment", "kalender-33.03-kabupaten-purbalingga.csv")]
    [InlineData("/v1/regions/3303/calendar.xlsx", null, "attachment", "kalender-33.03-kabupaten-purbalingga.xlsx")]
    [InlineData("/v1/regions/72.04/calendar.ics", null, "inline", "kalender-72.04-kabupaten-toli-toli.ics")]
    [InlineData("/v1/regions/31/calendar.csv", null, "attachment", "kalender-31-daerah-khusus-ibukota-jakarta.csv")]
    public async Task Every_file_download_is_named_for_what_it_is(string url, string? accept, string type, string fileName)
    {
        using var response = await SendAsync(url, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Null(response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData(Stages)]
    [InlineData(Stages + ".json")]
    [InlineData(RegionCalendar + ".json")]
    public async Task JSON_is_not_a_download(string url)
    {
        using var response = await SendAsync(url);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    // ------------------------------------------------------------------------------------------------------- OpenAPI

    [Fact]
    public async Task The_OpenAPI_document_lists_the_suffixes_and_every_file_type_of_the_schedules()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var paths = document["paths"]!;

        foreach (var path in new[] { "/v1/elections/{id}/stages.{format}", "/v1/regions/{code}/calendar.{format}" })
        {
            var format = paths[path]!["get"]!["parameters"]!.AsArray().Single(p => p.Str("name") == "format")!;
            var reference = format["schema"].Str("$ref");
            Assert.Equal("#/components/schemas/FileFormat", reference);
            var schema = document["components"]!["schemas"]!["FileFormat"]!;
            Assert.Equal(["json", "csv", "ics", "xlsx"], schema["enum"]!.AsArray().Select(v => (string?)v));
        }

        foreach (var path in new[] { "/v1/elections/{id}/stages", "/v1/elections/{id}/stages.{format}", "/v1/regions/{code}/calendar", "/v1/regions/{code}/calendar.{format}" })
        {
            var operation = paths[path]!["get"]!;
            var content = operation["responses"]!["200"]!["content"]!.AsObject();
            Assert.Equal(["application/json", "text/csv", "text/calendar", XlsxType], content.Select(c => c.Key));
            Assert.Equal("binary", content[XlsxType]!["schema"].Str("format"));
            Assert.NotNull(operation["responses"]!["200"]!["headers"]?["Content-Disposition"]);
            Assert.Contains(operation["parameters"]!.AsArray(), p => p.Str("name") == "bom" && p.Str("in") == "query");
        }

        Assert.Null(paths["/v1/elections/{id}/contests"]!["get"]!["parameters"]!.AsArray().FirstOrDefault(p => p.Str("name") == "bom"));
    }

    [Fact]
    public async Task An_expected_election_has_empty_but_well_formed_files()
    {
        var expected = (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray().FirstOrDefault(e => e.Str("status") == "expected");
        Assert.NotNull(expected);
        var id = expected.Str("id")!;

        var (document, response) = await XlsxAsync($"/v1/elections/{id}/stages.xlsx");
        using var _ = document;
        using var __ = response;
        using var csv = await SendAsync($"/v1/elections/{id}/stages.csv");

        Assert.Empty(ReadSheet(document, "Tahapan").Rows);
        Assert.Equal($"{id}-tahapan.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Single((await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).StartsWith('\uFEFF'));
    }
}
