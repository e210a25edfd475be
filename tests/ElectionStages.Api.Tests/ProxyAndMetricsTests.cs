using System.Net;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>Forwarded headers are trusted only from configured proxies; /metrics can be kept off the public listener.</summary>
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
}
