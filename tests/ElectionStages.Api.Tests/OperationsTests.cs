using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ElectionStages.Api.Tests;

/// <summary>Least privilege, rate limits, metrics, and several instances on one database, on a real PostgreSQL.</summary>
[Collection(DatabaseCollection.Name)]
public class OperationsTests(SeededApiFixture fixture)
{
    [Theory]
    [InlineData("INSERT INTO election (id, kind, name_id, name_en, voting_day, regulation, source, confidence) VALUES ('x', 'pemilu', 'x', 'x', '2029-02-14', 'x', 'x', 'high')")]
    [InlineData("UPDATE calendar_revision SET revision = revision + 1")]
    [InlineData("DELETE FROM stage")]
    [InlineData("CREATE TABLE intruder (id int)")]
    [InlineData("NOTIFY calendar_changed")]
    public async Task The_APIs_connection_can_read_but_cannot_write(string sql)
    {
        var dataSource = fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();

        var revision = await connection.ExecuteScalarAsync<long>("SELECT revision FROM calendar_revision");
        if (sql.StartsWith("NOTIFY", StringComparison.Ordinal))
        {
            // NOTIFY needs no privilege; it only makes instances compare revisions, which is harmless. The write
            // statements are what must fail.
            await connection.ExecuteAsync(sql);
            return;
        }

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql));
        Assert.True(revision >= 1);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(ReaderRole.DefaultName, new NpgsqlConnectionStringBuilder(connection.ConnectionString).Username);
    }

    [Fact]
    public async Task Over_the_limit_a_client_gets_429_with_Retry_After_and_health_stays_exempt_in_any_case()
    {
        var settings = new Dictionary<string, string> { ["RateLimiting:PermitLimit"] = "3", ["RateLimiting:WindowSeconds"] = "60" };
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow, settings);
        using var client = await factory.CreateReadyClientAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(new Uri("/v1/elections", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("/v1/regions", UriKind.Relative));
        var problem = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var shouted = await client.GetAsync(new Uri("/HEALTH/LIVE", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/too-many-requests", problem.Str("type"));
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shouted.StatusCode);
    }

    /// <summary>The window renews: the partitioned limiter's own timer replenishes each client's fixed window.</summary>
    [Fact]
    public async Task A_limited_client_is_served_again_once_its_window_has_passed()
    {
        var settings = new Dictionary<string, string> { ["RateLimiting:PermitLimit"] = "2", ["RateLimiting:WindowSeconds"] = "1" };
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow, settings);
        using var client = await factory.CreateReadyClientAsync();
        var elections = new Uri("/v1/elections", UriKind.Relative);

        // Until one is refused (the window may roll over between two requests, so not simply the third).
        var refused = false;
        for (var i = 0; i < 20 && !refused; i++)
        {
            using var response = await client.GetAsync(elections);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var served = false;
        while (!served && stopwatch.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100);
            using var response = await client.GetAsync(elections);
            served = response.StatusCode == HttpStatusCode.OK;
        }

        Assert.True(refused, "two permits per second were never exceeded by 20 requests in a row");
        Assert.True(served, $"still refused {stopwatch.Elapsed.TotalSeconds:F1} s after the limit was reached, with a 1 s window");
    }

    [Fact]
    public async Task Metrics_are_exposed_for_Prometheus_with_the_snapshot_revision_and_request_durations()
    {
        using var warmUp = await fixture.Client.GetAsync(new Uri("/v1/elections", UriKind.Relative));
        var revision = (long)(await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2024/stages"))["revision"]!;

        var metrics = await fixture.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Matches($"(?m)^electionstages_calendar_revision(\\{{[^}}]*\\}})? {revision}$", metrics);
        Assert.Matches("(?m)^electionstages_database_reachable(\\{[^}]*\\})? 1$", metrics);
        Assert.Contains("http_server_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_serve_a_new_import_within_2_s_and_the_poll_catches_a_missed_notification()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("twins");
        Assert.True((await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        var fastPoll = new Dictionary<string, string> { ["Calendar:PollInterval"] = "00:00:01" };
        await using var first = new ApiFactory(connectionString, SeededApiFixture.DefaultNow, fastPoll);
        await using var second = new ApiFactory(connectionString, SeededApiFixture.DefaultNow, fastPoll);
        using var firstClient = await first.CreateReadyClientAsync();
        using var secondClient = await second.CreateReadyClientAsync();

        // A changed import: NOTIFY reaches both instances.
        using var seed = Repository.CopySeedData();
        await File.AppendAllTextAsync(seed.File("stages.csv"),
            SeedValidationTests.GoodStage + "\n");
        Assert.True((await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None)).Succeeded);
        Assert.True(await BothServeRevisionAsync(firstClient, secondClient, 2, TimeSpan.FromSeconds(2)), "an import was not served by both instances within 2 s");

        // A change whose notification never comes (written without NOTIFY): the revision poll finds it.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.ExecuteAsync("UPDATE calendar_revision SET revision = 3, imported_at = now()");
        }

        Assert.True(await BothServeRevisionAsync(firstClient, secondClient, 3, TimeSpan.FromSeconds(2.5)), "a missed notification was not caught by the poll");
    }

    private static async Task<bool> BothServeRevisionAsync(HttpClient first, HttpClient second, long revision, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            // The guidance answer is cached per revision and query: a new revision must not be served a stale answer.
            var a = (long)(await first.GetJsonAsync("/v1/asn/guidance?date=2024-02-12&region=33.03"))["revision"]!;
            var b = (long)(await second.GetJsonAsync("/v1/elections/pemilu-2024/stages"))["revision"]!;
            if (a == revision && b == revision)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
