using System.Net;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>Small HTTP points: nosniff everywhere, no echoed markup, a 405 that says so, empty Accept, a future If-Modified-Since.</summary>
[Collection(DatabaseCollection.Name)]
public class HttpDetailsTests(SeededApiFixture fixture)
{
    [Theory]
    [InlineData("/v1/elections")]
    [InlineData("/v1/elections/pemilu-2024/stages.csv")]
    [InlineData("/v1/elections/nope")]
    [InlineData("/health/live")]
    [InlineData("/no/such/path")]
    [InlineData("/")]
    public async Task Every_response_says_nosniff(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/v1/regions/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/v1/asn/guidance?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/no/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task A_problem_never_echoes_raw_markup(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u003Cscript", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", (string?)JsonNode.Parse(body)!["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "POST tidak diizinkan pada /v1/elections", "bukan bagian dari API ini")]
    [InlineData("en", "POST is not allowed on /v1/elections", "not part of this API")]
    public async Task A_wrong_method_is_a_405_that_says_the_API_only_reads(string? language, string says, string doesNotSay)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/elections") { Content = new StringContent("") };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        using var response = await fixture.Client.SendAsync(request);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(says, problem.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain(doesNotSay, problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_Accept_gets_the_default_representation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/elections");
        request.Headers.TryAddWithoutValidation("Accept", "");
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_future_If_Modified_Since_is_ignored_not_answered_with_304()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/elections");
        request.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddYears(5);
        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var past = new HttpRequestMessage(HttpMethod.Get, "/v1/elections");
        past.Headers.IfModifiedSince = response.Content.Headers.LastModified;
        using var revalidated = await fixture.Client.SendAsync(past);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }
}
