using System.Net;
using ElectionStages.Api.Data.Import;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>With PostgreSQL gone the API keeps serving its snapshot and says it is degraded; it recovers by itself.</summary>
[Collection(DatabaseCollection.Name)]
public class OutageTests
{
    [Fact]
    public async Task When_the_database_stops_reads_still_answer_and_readiness_is_degraded_until_it_returns()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("outage");
        Assert.True((await CalendarImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();

        await server.StopServerAsync();
        var degraded = await WaitForReadinessAsync(client, HttpStatusCode.ServiceUnavailable);
        var stages = await client.GetJsonAsync("/v1/elections/pemilu-2024/stages");
        var calendar = await client.GetJsonAsync("/v1/calendar?date=2024-02-12");
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Contains("\"Degraded\"", degraded, StringComparison.Ordinal);
        Assert.Contains("database unreachable", degraded, StringComparison.Ordinal);
        Assert.Equal(1, (long)stages["revision"]!);
        Assert.NotEmpty(calendar["elections"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await server.StartServerAsync();
        var healthy = await WaitForReadinessAsync(client, HttpStatusCode.OK);
        Assert.Contains("\"Healthy\"", healthy, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForReadinessAsync(HttpClient client, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == expected)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/health/ready still {(int)response.StatusCode} after 20 s: {body}");
            await Task.Delay(100);
        }
    }
}
