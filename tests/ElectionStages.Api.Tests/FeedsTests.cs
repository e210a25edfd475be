using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>CSV and iCalendar feeds, read back with their own libraries and compared with the JSON; caching, CORS, 406.</summary>
[Collection(DatabaseCollection.Name)]
public class FeedsTests(SeededApiFixture fixture)
{
    private const string Stages = "/v1/elections/pemilu-2024/stages";

    private async Task<HttpResponseMessage> SendAsync(string url, Action<HttpRequestMessage>? configure = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        return await (client ?? fixture.Client).SendAsync(request);
    }

    private static void Accept(HttpRequestMessage request, string mediaType) =>
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));

    private async Task<List<JsonNode>> JsonStagesAsync() =>
        [.. (await fixture.Client.GetJsonAsync(Stages))["stages"]!.AsArray().OfType<JsonNode>()];

    [Fact]
    public async Task The_iCalendar_feed_has_one_all_day_event_per_dated_held_stage_matching_the_JSON()
    {
        using var response = await SendAsync(Stages, r => Accept(r, "text/calendar"));
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var expected = (await JsonStagesAsync()).Where(s => s.Str("start") is not null && s.Str("status") == "scheduled").ToList();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.Count, calendar.Events.Count);
        foreach (var stage in expected)
        {
            var uid = $"{stage.Str("id")}@pemilu-2024";
            var evt = Assert.Single(calendar.Events, e => e.Uid == uid);
            Assert.False(evt.DtStart!.HasTime);
            Assert.Equal(stage.Str("start"), evt.DtStart.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // DTEND is exclusive: the day after the last day.
            Assert.Equal(DateOnly.Parse(stage.Str("end")!, CultureInfo.InvariantCulture).AddDays(1), evt.DtEnd!.Date);
            Assert.Equal((string?)stage["name"]!["id"], evt.Summary);
            Assert.Contains((string)stage["name"]!["en"]!, evt.Description, StringComparison.Ordinal);
        }

        Assert.Contains("X-WR-CALNAME:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(calendar.Events, e => e.Uid == "pemungutan-suara-putaran-kedua@pemilu-2024");
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"unfolded line: {line}"));
        Assert.DoesNotMatch("[^\r]\n", text);
    }

    [Fact]
    public async Task DTSTAMP_comes_from_the_data_revision_not_the_clock()
    {
        var first = await (await SendAsync(Stages + ".ics")).Content.ReadAsStringAsync();
        fixture.Factory.Clock.AdvanceDays(3);
        var later = await (await SendAsync(Stages + ".ics")).Content.ReadAsStringAsync();

        Assert.Equal(first, later);
        var stamp = Ical.Net.Calendar.Load(first)!.Events[0]!.DtStamp!;
        Assert.True(stamp.AsUtc < DateTime.UtcNow.AddMinutes(1) && stamp.AsUtc > DateTime.UtcNow.AddHours(-1), "DTSTAMP should be the import time");
    }

    [Fact]
    public async Task The_CSV_feed_has_a_header_and_the_same_rows_as_the_JSON()
    {
        using var response = await SendAsync(Stages, r => Accept(r, "text/csv"));
        using var reader = new StringReader(await response.Content.ReadAsStringAsync());
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var json = await JsonStagesAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(json.Count, rows.Count);
        foreach (var (row, stage) in rows.Zip(json))
        {
            Assert.Equal(stage.Str("id"), row["id"]);
            Assert.Equal(stage.Str("parentId") ?? string.Empty, row["parent_id"]);
            Assert.Equal((string?)stage["name"]!["id"], row["name_id"]);
            Assert.Equal((string?)stage["name"]!["en"], row["name_en"]);
            Assert.Equal(stage.Str("start") ?? string.Empty, row["start"]);
            Assert.Equal(stage.Str("end") ?? string.Empty, row["end"]);
            Assert.Equal(stage.Str("source"), row["source"]);
            Assert.Equal(stage.Str("confidence"), row["confidence"]);
            Assert.Equal((string?)stage["note"]?["id"] ?? string.Empty, row["note_id"]);
            Assert.Equal((string?)stage["note"]?["en"] ?? string.Empty, row["note_en"]);
            Assert.Equal((string?)stage["ruleText"]?["id"] ?? string.Empty, row["rule_text_id"]);
        }
    }

    [Theory]
    [InlineData(".csv", "text/csv")]
    [InlineData(".ics", "text/calendar")]
    [InlineData(".json", "application/json")]
    [InlineData(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task A_suffix_picks_the_representation_for_links(string suffix, string mediaType)
    {
        using var bySuffix = await SendAsync(Stages + suffix);
        using var byAccept = await SendAsync(Stages, r => Accept(r, mediaType));

        Assert.Equal(mediaType, bySuffix.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await byAccept.Content.ReadAsByteArrayAsync(), await bySuffix.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(Stages)]
    [InlineData(Stages + ".csv")]
    [InlineData(Stages + ".ics")]
    [InlineData(Stages + ".xlsx")]
    [InlineData("/v1/regions/33.03/calendar.xlsx")]
    [InlineData("/v1/elections")]
    [InlineData("/v1/calendar?date=2024-02-12")]
    public async Task The_same_request_twice_and_after_a_restart_returns_identical_bytes_and_ETag(string url)
    {
        using var first = await SendAsync(url);
        using var second = await SendAsync(url);
        await using var restarted = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow);
        using var restartedClient = await restarted.CreateReadyClientAsync();
        using var third = await SendAsync(url, client: restartedClient);

        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes, await third.Content.ReadAsByteArrayAsync());
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Headers.ETag, third.Headers.ETag);
    }

    [Fact]
    public async Task Every_representation_has_its_own_ETag_and_the_caching_headers()
    {
        var tags = new HashSet<string>();
        foreach (var suffix in new[] { "", ".csv", ".ics", ".xlsx" })
        {
            using var response = await SendAsync(Stages + suffix);
            Assert.True(tags.Add(response.Headers.ETag!.ToString()), "ETags must differ between representations");
            Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
            Assert.NotNull(response.Content.Headers.LastModified);
            Assert.Contains("Accept", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task If_None_Match_with_the_ETag_gives_304_without_a_body_and_another_ETag_gives_200()
    {
        using var first = await SendAsync(Stages + ".ics");
        var etag = first.Headers.ETag!;

        using var revalidated = await SendAsync(Stages + ".ics", r => r.Headers.IfNoneMatch.Add(etag));
        using var stale = await SendAsync(Stages + ".ics", r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0-0\"", isWeak: true)));

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task A_CORS_preflight_from_any_origin_is_allowed_for_GET()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(Stages, UriKind.Relative));
        request.Headers.Add("Origin", "https://portal.example.go.id");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var preflight = await fixture.Client.SendAsync(request);
        using var get = await SendAsync(Stages, r => r.Headers.Add("Origin", "https://portal.example.go.id"));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", preflight.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal("*", get.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", get.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json;q=0, */*", "text/csv")]
    [InlineData("text/*, text/csv;q=0", "text/calendar")]
    [InlineData("text/*;q=0.8, text/csv;q=0.1", "text/calendar")]
    [InlineData("text/csv;q=0.5, application/json;q=0.4", "text/csv")]
    [InlineData("text/calendar, application/json", "application/json")]
    public async Task Accept_qualities_and_the_most_specific_range_decide_the_representation(string accept, string expected)
    {
        using var response = await SendAsync(Stages, r => r.Headers.TryAddWithoutValidation("Accept", accept));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_answer_about_today_is_last_modified_no_earlier_than_the_start_of_that_day()
    {
        fixture.Factory.Clock.Reset(NodaTime.Instant.FromUtc(2030, 1, 2, 3, 0));

        using var today = await SendAsync("/v1/calendar?zone=Asia/Jayapura");
        using var dated = await SendAsync("/v1/calendar?date=2030-01-02");

        Assert.Equal(new DateTimeOffset(2030, 1, 1, 15, 0, 0, TimeSpan.Zero), today.Content.Headers.LastModified);
        Assert.True(dated.Content.Headers.LastModified < DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Theory]
    [InlineData(Stages, "application/xml")]
    [InlineData("/v1/elections", "text/csv")]
    [InlineData("/v1/calendar?date=2024-02-12", "text/calendar")]
    public async Task An_unsupported_Accept_is_a_406_problem(string url, string mediaType)
    {
        using var response = await SendAsync(url, r => Accept(r, mediaType));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/not-acceptable", problem.Str("type"));
    }

    [Theory]
    [InlineData("/v1/elections/pemilu-2099/stages", "text/csv", 404)]
    [InlineData("/v1/elections/pemilu-2024/stages.xml", "text/calendar", 404)]
    [InlineData("/v1/no-such-thing", "text/calendar", 404)]
    [InlineData("/v1/regions/3x/calendar", "text/csv", 400)]
    [InlineData("/v1/regions/33.99/calendar.ics", "text/calendar", 404)]
    public async Task Errors_are_problem_json_even_when_the_client_asked_for_CSV_or_iCalendar(string url, string mediaType, int status)
    {
        using var response = await SendAsync(url, r => Accept(r, mediaType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.Str("type"));
    }

    /// <summary>
    /// Every /v1 endpoint checks in one order (docs/architecture.md): the representation (406), then a loaded
    /// snapshot (503), then its own parameters (400) and lookups (404).
    /// </summary>
    [Theory]
    [InlineData("/v1/calendar?date=2024-13-01", "text/csv")]
    [InlineData("/v1/regions?parent=3x", "text/calendar")]
    [InlineData("/v1/asn/guidance?region=99.99", "text/csv")]
    [InlineData("/v1/elections/pemilu-2099", "text/csv")]
    public async Task An_unacceptable_Accept_is_answered_before_a_bad_parameter(string url, string mediaType)
    {
        using var response = await SendAsync(url, r => Accept(r, mediaType));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("/problems/not-acceptable", JsonNode.Parse(await response.Content.ReadAsStringAsync())!.Str("type"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Feeds_are_compressed_when_the_client_accepts_it(string encoding)
    {
        foreach (var suffix in new[] { ".json", ".csv", ".ics" })
        {
            using var response = await SendAsync(Stages + suffix, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        }
    }

    [Theory]
    [InlineData(Stages + ".json", "br")]
    [InlineData(Stages + ".csv", "gzip")]
    [InlineData(Stages + ".ics", "br")]
    [InlineData("/v1/asn/guidance?date=2024-02-12&region=33.03", "br")]
    [InlineData("/v1/asn/guidance?date=2024-02-12&region=33.03", "gzip")]
    [InlineData("/v1/regions/33.03/calendar.ics", "gzip")]
    public async Task A_compressed_answer_is_the_plain_body_compressed_and_the_same_bytes_every_time(string url, string encoding)
    {
        using var plain = await SendAsync(url);
        using var first = await SendAsync(url, r => r.Headers.AcceptEncoding.ParseAdd(encoding));
        using var second = await SendAsync(url, r => r.Headers.AcceptEncoding.ParseAdd(encoding));
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var firstBytes = await first.Content.ReadAsByteArrayAsync();

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(encoding, Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Equal(firstBytes.Length, first.Content.Headers.ContentLength);
        Assert.True(firstBytes.Length < plainBytes.Length / 2, $"{encoding}: {firstBytes.Length} of {plainBytes.Length} bytes");
        Assert.Equal(plainBytes, Decompress(firstBytes, encoding));
        Assert.Equal(firstBytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(plain.Headers.ETag, first.Headers.ETag);
        Assert.Equal(["Accept", "Accept-Encoding"], first.Headers.Vary);
        Assert.Equal(["Accept", "Accept-Encoding"], plain.Headers.Vary);
    }

    [Theory]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("identity", null)]
    [InlineData("identity;q=1, gzip;q=0.3", null)]
    [InlineData("deflate", null)]
    [InlineData("br;q=abc, é;;;", null)]
    public async Task The_content_coding_follows_the_q_values_of_Accept_Encoding(string acceptEncoding, string? expected)
    {
        using var response = await SendAsync(Stages + ".csv", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.StartsWith("election_id,", Encoding.UTF8.GetString(expected is null ? body : Decompress(body, expected)).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revalidation_that_accepts_compression_is_still_a_304_with_no_body()
    {
        using var first = await SendAsync(Stages, r => r.Headers.AcceptEncoding.ParseAdd("br"));
        using var revalidated = await SendAsync(Stages, r =>
        {
            r.Headers.AcceptEncoding.ParseAdd("br");
            r.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        });

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Empty(revalidated.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept", "Accept-Encoding"], revalidated.Headers.Vary);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
