using System.Net.Http.Json;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>The API serves its snapshot, reloads on NOTIFY, and keeps the last good revision when an import is refused.</summary>
[Collection(DatabaseCollection.Name)]
public class ReloadTests(SeededApiFixture fixture)
{
    [Fact]
    public async Task A_refused_import_leaves_the_API_on_the_previous_revision_and_a_good_one_is_picked_up()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("reload");
        Assert.True((await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None)).Succeeded);
        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();
        using var seed = Repository.CopySeedData();
        await File.AppendAllTextAsync(seed.File("stages.csv"),
            SeedValidationTests.GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-30", StringComparison.Ordinal) + "\n");

        var refused = await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None);
        var afterRefusal = await client.GetJsonAsync("/v1/elections/pemilu-2024/stages");

        Assert.False(refused.Succeeded);
        Assert.Equal(1, (long)afterRefusal["revision"]!);

        var lines = await File.ReadAllLinesAsync(seed.File("stages.csv"));
        lines[^1] = lines[^1].Replace("2024-02-30", "2024-02-12", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(seed.File("stages.csv"), lines);
        Assert.True((await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None)).Succeeded);

        // NOTIFY arrives in milliseconds; the poll (5 s in tests) is the fallback.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long revision;
        do
        {
            await Task.Delay(50);
            revision = (long)(await client.GetJsonAsync("/v1/elections/pemilu-2024/stages"))["revision"]!;
        }
        while (revision == 1 && DateTime.UtcNow < deadline);

        Assert.Equal(2, revision);
        var stages = await client.GetJsonAsync("/v1/elections/pemilu-2024/stages");
        Assert.Equal("2024-02-12", stages.Stage("uji-coba").Str("start"));
    }

    [Fact]
    public async Task An_instance_on_a_database_that_was_never_imported_is_not_ready_and_answers_503_problems()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("empty");
        await using var factory = new ApiFactory(connectionString, SeededApiFixture.DefaultNow);
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var elections = await client.GetAsync(new Uri("/v1/elections", UriKind.Relative));
        var problem = await elections.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, elections.StatusCode);
        Assert.Equal("/problems/calendar-not-loaded", problem!.Str("type"));

        // The /v1 prelude answers for every route, whatever the route would check next.
        foreach (var url in new[]
                 {
                     "/v1/calendar", "/v1/elections/pemilu-2024/stages", "/v1/elections/pemilu-2024/stages.ics",
                     "/v1/elections/pemilu-2024/contests", "/v1/regions?parent=33", "/v1/regions/33.03",
                     "/v1/regions/33.03/calendar.csv", "/v1/asn/guidance?region=33.03", "/v1/asn/rules", "/v1/asn/rules/no-such-rule",
                 })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("/problems/calendar-not-loaded", body!.Str("type"));
            // The 503 says when to retry (the document declares Retry-After on it).
            Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0, url);
        }
    }
}
