using System.Net;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// Forwarded headers are trusted only from configured proxies; /metrics can be kept off the public listener, answers
/// GET and HEAD only, and is rate limited like the API unless exempted.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ProxyAndMetricsTests(SeededApiFixture fixture)
{
    [Fact]
    public async Task A_rotating_X_Forwarded_For_does_not_get_a_client_past_the_rate_limit()
    {
        var settings = new Dictionary<string, string> { ["RateLimiting:PermitLimit"] = "3", ["RateLimiting:WindowSeconds"] = "60" };
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow, settings);
        using var client = await factory.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/elections");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public void The_frameworks_trust_everyone_switch_is_refused_at_start()
    {
        var settings = new Dictionary<string, string> { ["FORWARDEDHEADERS_ENABLED"] = "true" };
        using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow, settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownProxies", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_bound_to_another_port_are_not_served_on_the_public_one()
    {
        var settings = new Dictionary<string, string> { ["Metrics:RequireHost"] = "*:9464" };
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow, settings);
        using var client = await factory.CreateReadyClientAsync();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_answer_GET_and_HEAD_and_every_other_method_gets_a_405_problem()
    {
        // Its own instance: the exporter caches a scrape briefly, and other tests read the shared one's revision.
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();
        // The representation cache reports its budget once it exists (the first /v1 request creates it).
        using var answer = await client.GetAsync(new Uri("/v1/elections", UriKind.Relative));
        using var get = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("electionstages_representation_cache_limit_bytes", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, "/METRICS") { Content = method == HttpMethod.Delete ? null : new StringContent("") };
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
            Assert.Contains($"{method.Method} tidak diizinkan", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task Metrics_are_rate_limited_like_the_API_unless_exempted(bool exempt, HttpStatusCode fourth)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "60",
            ["RateLimiting:ExemptMetrics"] = exempt ? "true" : "false",
        };
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow, settings);
        using var client = await factory.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, fourth], statuses);
    }
}
