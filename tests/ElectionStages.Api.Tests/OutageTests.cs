using System.Net;
using ElectionStages.Api.Import;
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
        Assert.True((await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();

        // Readers keep calling throughout the outage; every one of their reads must succeed.
        using var stopLoad = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            var failures = new List<HttpStatusCode>();
            var count = 0;
            while (!stopLoad.IsCancellationRequested)
            {
                using var response = await client.GetAsync(new Uri("/v1/asn/guidance?date=2024-02-12&region=33.03", UriKind.Relative));
                count++;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add(response.StatusCode);
                }
            }

            return (count, failures);
        });

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

        Assert.DoesNotContain("Password", degraded, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Username", degraded, StringComparison.OrdinalIgnoreCase);

        await server.StartServerAsync();
        var healthy = await WaitForReadinessAsync(client, HttpStatusCode.OK);
        await stopLoad.CancelAsync();
        var (reads, failures) = await load;
        Assert.Contains("\"Healthy\"", healthy, StringComparison.Ordinal);
        Assert.True(reads > 0);
        Assert.Empty(failures);

        // The listener is back: a new import is served within 2 s. (The import below runs in this process, whose pool
        // still holds connections the restart killed; a real import is a fresh process.)
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var seed = Repository.CopySeedData();
        await File.AppendAllTextAsync(seed.File("stages.csv"),
            SeedValidationTests.GoodStage + "\n");
        Assert.True((await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None)).Succeeded);
        var deadline = DateTime.UtcNow.AddSeconds(2);
        long revision;
        do
        {
            await Task.Delay(50);
            revision = (long)(await client.GetJsonAsync("/v1/elections/pemilu-2024/stages"))["revision"]!;
        }
        while (revision != 2 && DateTime.UtcNow < deadline);

        Assert.Equal(2, revision);
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

    [Fact]
    public async Task A_frozen_database_makes_readiness_degraded_within_5_s_without_naming_host_port_or_role()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("frozen");
        Assert.True((await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();
        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await server.FreezeAsync();
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            using var degraded = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await degraded.Content.ReadAsStringAsync();
            var elapsed = started.Elapsed;

            Assert.Equal(HttpStatusCode.ServiceUnavailable, degraded.StatusCode);
            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"readiness took {elapsed.TotalSeconds:F1} s");
            Assert.Contains("did not answer in time", body, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
            Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
            Assert.DoesNotContain("electionstages_reader", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/v1/elections", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await server.ThawAsync();
        }
    }

    [Fact]
    public async Task An_empty_calendar_is_not_ready()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("empty");
        Assert.True((await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var empty = new Npgsql.NpgsqlCommand(
                "TRUNCATE act_rule, act, authority_channel, authority_legal_basis, authority, rule_legal_basis, neutrality_rule, instrument, " +
                "election_region, contest, phase, stage, expected_election, election CASCADE; UPDATE calendar_revision SET revision = revision + 1", connection);
            await empty.ExecuteNonQueryAsync();
        }

        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string body;
        HttpStatusCode status;
        do
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            (status, body) = (ready.StatusCode, await ready.Content.ReadAsStringAsync());
        }
        while (!body.Contains("empty", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Delay());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("the loaded calendar is empty", body, StringComparison.Ordinal);

        static async Task<bool> Delay()
        {
            await Task.Delay(100);
            return true;
        }
    }
}
