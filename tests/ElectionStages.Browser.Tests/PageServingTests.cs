using System.Net;
using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace ElectionStages.Browser.Tests;

/// <summary>How the page's files are served: small, cached sensibly, compressed, and no fallback for other paths.</summary>
[Collection(PageCollection.Name)]
public sealed class PageServingTests(PageFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Files = ["/", "/app.js", "/style.css"];

    [Fact]
    public async Task The_page_is_small_and_compressed()
    {
        using var plain = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var raw = new HttpClient(handler) { BaseAddress = fixture.BaseAddress };
        long total = 0;
        long compressed = 0;
        foreach (var file in Files)
        {
            var bytes = await plain.GetByteArrayAsync(new Uri(file, UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(file, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var response = await raw.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            output.WriteLine($"{file}: {bytes.Length} bytes, {body.Length} with Brotli");
            total += bytes.Length;
            compressed += body.Length;
        }

        output.WriteLine($"total: {total} bytes, {compressed} with Brotli");
        Assert.True(total < 75_000, $"html+css+js is {total} bytes");
        Assert.True(compressed < 25_000, $"html+css+js is {compressed} bytes with Brotli");
    }

    [Fact]
    public async Task The_HTML_is_revalidated_and_the_assets_cached_briefly()
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var html = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.True(html.Headers.CacheControl?.NoCache);
        Assert.NotNull(html.Headers.ETag);
        Assert.Contains("script-src 'self'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(html.Headers.ETag!);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var script = await client.GetAsync(new Uri("/app.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), script.Headers.CacheControl?.MaxAge);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/v1/nothing")]
    [InlineData("/wwwroot/index.html")]
    public async Task Other_paths_are_still_problem_json_404(string path)
    {
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
