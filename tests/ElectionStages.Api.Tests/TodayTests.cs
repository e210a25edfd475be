using System.Net;
using System.Xml.Linq;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>The answer for other sites: the SVG badge and the embeddable page.</summary>
[Collection(DatabaseCollection.Name)]
public class TodayTests(SeededApiFixture fixture)
{
    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url)
    {
        var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_badge_is_valid_SVG_with_the_days_phase_and_until_when()
    {
        var (response, body) = await GetAsync("/v1/regions/33.03/badge.svg?date=2024-02-12");
        using var _ = response;
        var svg = XDocument.Parse(body).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("quiet-period", (string?)svg.Attribute("data-phase"));
        Assert.Contains("12 Feb 2024: Masa tenang · s.d. 13 Feb 2024", svg.Descendants(ns + "text").Select(t => t.Value));
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task The_badge_speaks_English_on_request_says_today_without_a_date_and_revalidates()
    {
        var (english, body) = await GetAsync("/v1/regions/3303/badge.svg?date=2024-02-12&lang=en");
        var (today, todayBody) = await GetAsync("/v1/regions/33.03/badge.svg");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/regions/33.03/badge.svg?date=2024-02-12");
        var (first, _) = await GetAsync("/v1/regions/33.03/badge.svg?date=2024-02-12");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var revalidated = await fixture.Client.SendAsync(request);

        Assert.Contains("12 Feb 2024: Quiet period · until 13 Feb 2024", body, StringComparison.Ordinal);
        Assert.Contains("Hari ini: ", todayBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        english.Dispose();
        today.Dispose();
        first.Dispose();
    }

    [Theory]
    [InlineData("/v1/regions/33.03/badge.svg?lang=fr", HttpStatusCode.BadRequest, "lang")]
    [InlineData("/v1/regions/33.03/badge.svg?date=2024-02-30", HttpStatusCode.BadRequest, "date")]
    [InlineData("/v1/regions/99.99/badge.svg", HttpStatusCode.NotFound, "code")]
    [InlineData("/embed", HttpStatusCode.BadRequest, "region")]
    [InlineData("/embed?region=99.99", HttpStatusCode.BadRequest, "region")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, HttpStatusCode status, string parameter)
    {
        var problem = await fixture.Client.GetJsonAsync(url, status);

        Assert.Equal(parameter, problem.Str("parameter"));
    }

    [Fact]
    public async Task The_embed_page_may_be_framed_sets_no_cookie_loads_nothing_and_links_to_the_full_page()
    {
        var (response, body) = await GetAsync("/embed?region=33.03&date=2024-02-12");
        using var _ = response;
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors *", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains(">Masa tenang<", body, StringComparison.Ordinal);
        Assert.Contains("Berlaku sampai 13 Februari 2024", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/?region=33.03&amp;date=2024-02-12\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_main_page_still_refuses_to_be_framed()
    {
        var (response, _) = await GetAsync("/");
        using var __ = response;

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
