using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// HTTP by the book: HEAD on every GET, unknown query parameters named, a suffix that the client's Accept excludes
/// refused, problem types that resolve to pages, problems in the client's language, CORS, and a cacheable OpenAPI
/// document.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class HttpSemanticsTests(SeededApiFixture fixture)
{
    private static readonly string[] ComparedHeaders =
    [
        "Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition", "Content-Encoding",
        "Content-Language", "Vary",
    ];

    /// <summary>Every GET path of the OpenAPI document with its parameters filled from the data, plus the non-API pages.</summary>
    private async Task<List<string>> EveryGetUrlAsync()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var act = (string)(await fixture.Client.GetJsonAsync("/v1/asn/acts")).AsArray()[0]!["id"]!;
        var rule = (string)(await fixture.Client.GetJsonAsync("/v1/asn/rules")).AsArray()[0]!["id"]!;
        var urls = new List<string> { "/", "/openapi/v1.json", "/health/live", "/problems/not-found", "/embed?region=33.03" };
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            Assert.NotNull(item!["get"]);
            var formats = path.Contains("{format}", StringComparison.Ordinal) ? new[] { "json", "csv", "ics", "xlsx" } : [""];
            foreach (var format in formats)
            {
                var url = path
                    .Replace("/v1/asn/acts/{id}", $"/v1/asn/acts/{act}", StringComparison.Ordinal)
                    .Replace("/v1/asn/rules/{id}", $"/v1/asn/rules/{rule}", StringComparison.Ordinal)
                    .Replace("{id}", "pemilu-2024", StringComparison.Ordinal)
                    .Replace("{code}", "33.03", StringComparison.Ordinal)
                    .Replace("{format}", format, StringComparison.Ordinal);
                Assert.DoesNotContain("{", url, StringComparison.Ordinal);
                urls.Add(url);
            }
        }

        return urls;
    }

    [Fact]
    public async Task HEAD_answers_every_GET_route_and_page_with_the_same_headers_and_no_body()
    {
        var urls = await EveryGetUrlAsync();
        Assert.True(urls.Count >= 20, $"only {urls.Count} URLs");
        foreach (var url in urls)
        {
            using var get = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
            using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            var getBody = await get.Content.ReadAsByteArrayAsync();

            Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)get.StatusCode}");
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {url}: {(int)head.StatusCode}");
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            foreach (var name in ComparedHeaders)
            {
                Assert.True(
                    Values(get, name) == Values(head, name),
                    $"{url}: {name} is '{Values(get, name)}' on GET but '{Values(head, name)}' on HEAD");
            }

            if (url.StartsWith("/v1/", StringComparison.Ordinal))
            {
                Assert.False(string.IsNullOrEmpty(Values(head, "ETag")), $"HEAD {url} has no ETag");
                Assert.Equal(getBody.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Values(head, "Content-Length"));
            }
        }
    }

    [Fact]
    public async Task HEAD_of_an_unknown_path_is_a_404_without_a_body()
    {
        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/elections/nope"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/v1/asn/guidance?regoin=33.03", "regoin", "region")]
    [InlineData("/v1/asn/guidance?date=2024-02-12&zome=Asia/Jakarta", "zome", "zone")]
    [InlineData("/v1/calendar?dat=2024-02-12", "dat", "date")]
    [InlineData("/v1/elections/pemilu-2024/stages.csv?bmo=true", "bmo", "bom")]
    [InlineData("/v1/elections?format=csv", "format", null)]
    [InlineData("/v1/regions?parent=33&utm_source=x", "utm_source", null)]
    public async Task An_unknown_query_parameter_is_a_400_naming_it_and_the_nearest_known_one(string url, string unknown, string? nearest)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await fixture.Client.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/problems/unknown-parameter", problem.Str("type"));
        Assert.Equal(unknown, problem.Str("parameter"));
        Assert.Equal(nearest, problem.Str("nearest"));
        Assert.NotNull(problem["errors"]?[unknown]);
        // The name is said once: "regoin: not a parameter …", and errors.regoin does not repeat it.
        Assert.StartsWith($"{unknown}: not a parameter of this endpoint", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(problem.Str("detail")!, $@"\b{System.Text.RegularExpressions.Regex.Escape(unknown)}\b"));
        if (nearest is not null)
        {
            Assert.Contains($"did you mean '{nearest}'", problem.Str("detail"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_documented_query_parameter_is_known_to_its_endpoint()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var checkedParameters = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var query = item!["get"]!["parameters"]?.AsArray()
                .Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList() ?? [];
            var url = path.Replace("{id}", "pemilu-2024", StringComparison.Ordinal).Replace("{code}", "33.03", StringComparison.Ordinal)
                .Replace("{format}", "json", StringComparison.Ordinal);
            foreach (var name in query)
            {
                // A bad value may be refused (400 invalid-parameter), but the name must never be unknown.
                using var response = await fixture.Client.GetAsync(new Uri($"{url}?{name}=x", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain("/problems/unknown-parameter", body, StringComparison.Ordinal);
                checkedParameters++;
            }
        }

        Assert.True(checkedParameters >= 15, $"only {checkedParameters} documented query parameters");
    }

    [Fact]
    public async Task Query_parameter_names_match_without_regard_to_case_as_they_bind()
    {
        var lower = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2024-02-12&region=33.03");
        var upper = await fixture.Client.GetJsonAsync("/v1/asn/guidance?Date=2024-02-12&Region=33.03");

        Assert.Equal(lower.ToJsonString(), upper.ToJsonString());
        Assert.NotNull(upper["region"]);
    }

    [Theory]
    [InlineData("/v1/elections/pemilu-2024/stages.csv", "application/json", HttpStatusCode.NotAcceptable)]
    [InlineData("/v1/elections/pemilu-2024/stages.ics", "application/json, text/csv", HttpStatusCode.NotAcceptable)]
    [InlineData("/v1/elections/pemilu-2024/stages.xlsx", "text/*", HttpStatusCode.NotAcceptable)]
    [InlineData("/v1/regions/33.03/calendar.ics", "text/csv;q=1, text/calendar;q=0", HttpStatusCode.NotAcceptable)]
    [InlineData("/v1/elections/pemilu-2024/stages.csv", "text/*", HttpStatusCode.OK)]
    [InlineData("/v1/elections/pemilu-2024/stages.csv", "*/*", HttpStatusCode.OK)]
    [InlineData("/v1/regions/33.03/calendar.ics", "text/calendar", HttpStatusCode.OK)]
    [InlineData("/v1/elections/pemilu-2024/stages.xlsx", "application/json, */*;q=0.1", HttpStatusCode.OK)]
    public async Task A_file_suffix_serves_what_it_names_only_when_Accept_allows_it(string url, string accept, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotAcceptable)
        {
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Accept", problem.Str("parameter"));
            Assert.Single(problem["available"]!.AsArray());
        }
    }

    [Fact]
    public async Task Every_problem_type_the_API_can_send_is_a_page_in_Indonesian_and_English()
    {
        var api = typeof(ElectionStages.Api.Errors.Problems).Assembly;
        var types = api.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith("/problems/", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(["/problems/http-405", "/problems/http-431"])
            .Distinct()
            .ToList();
        Assert.True(types.Count >= 8, string.Join(", ", types));
        foreach (var type in types)
        {
            using var response = await fixture.Client.GetAsync(new Uri(type, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<html lang=\"id\"", html, StringComparison.Ordinal);
            Assert.Contains("Yang dapat Anda lakukan", html, StringComparison.Ordinal);
            Assert.Contains("<section lang=\"en\">", html, StringComparison.Ordinal);
        }

        using var unknown = await fixture.Client.GetAsync(new Uri("/problems/no-such-problem", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(null, "id", "bukan tanggal kalender yang nyata")]
    [InlineData("id", "id", "bukan tanggal kalender yang nyata")]
    [InlineData("id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", "id", "bukan tanggal kalender yang nyata")]
    [InlineData("en", "en", "is not a real calendar date")]
    [InlineData("en-GB,id;q=0.5", "en", "is not a real calendar date")]
    [InlineData("fr, en;q=0.3", "en", "is not a real calendar date")]
    [InlineData("fr", "id", "bukan tanggal kalender yang nyata")]
    [InlineData("en;q=0.5, id;q=0.5", "id", "bukan tanggal kalender yang nyata")]
    public async Task Problems_speak_the_language_Accept_Language_asks_for(string? acceptLanguage, string language, string says)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/calendar?date=2024-02-30");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await fixture.Client.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Contains(says, problem.Str("detail"), StringComparison.Ordinal);
        Assert.Contains(says, (string?)problem["errors"]!["date"]![0], StringComparison.Ordinal);
        Assert.Equal(language == "id" ? "Parameter permintaan tidak valid." : "A request parameter is invalid.", problem.Str("title"));
        Assert.False(string.IsNullOrEmpty(problem.Str("traceId")));
    }

    [Fact]
    public async Task Unknown_paths_and_406s_are_Indonesian_by_default_too()
    {
        using var notFound = await fixture.Client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/elections");
        request.Headers.Accept.ParseAdd("text/csv");
        using var notAcceptable = await fixture.Client.SendAsync(request);

        Assert.Contains("bukan bagian dari API ini", (string?)JsonNode.Parse(await notFound.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
        Assert.Equal("id", notFound.Content.Headers.ContentLanguage.Single());
        Assert.Contains("data ini tersedia sebagai", (string?)JsonNode.Parse(await notAcceptable.Content.ReadAsStringAsync())!["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CORS_lets_other_origins_negotiate_revalidate_and_read_the_useful_headers()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/asn/guidance");
        preflight.Headers.Add("Origin", "https://sipd.example.go.id");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "accept-language, if-none-match, accept");
        using var allowed = await fixture.Client.SendAsync(preflight);

        Assert.True(allowed.IsSuccessStatusCode, $"preflight: {(int)allowed.StatusCode}");
        var allowedHeaders = string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("accept-language", allowedHeaders, StringComparison.Ordinal);
        Assert.Contains("if-none-match", allowedHeaders, StringComparison.Ordinal);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/v1/elections/pemilu-2024/stages.csv");
        get.Headers.Add("Origin", "https://sipd.example.go.id");
        using var response = await fixture.Client.SendAsync(get);
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")).ToLowerInvariant();

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        foreach (var header in new[] { "etag", "retry-after", "content-disposition", "content-language" })
        {
            Assert.Contains(header, exposed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_has_an_ETag_and_revalidates_to_304()
    {
        using var first = await fixture.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.Contains("max-age", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await fixture.Client.SendAsync(request);
        using var second = await fixture.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    private static string Values(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;
}
