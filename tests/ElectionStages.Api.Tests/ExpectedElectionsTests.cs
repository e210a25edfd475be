using System.Net;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>Elections decided but not scheduled: listed as expected, never running, named as what comes next.</summary>
[Collection(DatabaseCollection.Name)]
public class ExpectedElectionsTests(SeededApiFixture fixture)
{
    [Fact]
    public async Task Pemilu_2029_is_listed_as_expected_without_a_voting_day_and_with_its_legal_basis()
    {
        var elections = (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray();
        var pemilu2029 = elections.Single(e => e!.Str("id") == "pemilu-2029")!;

        Assert.Equal("expected", pemilu2029.Str("status"));
        Assert.Null(pemilu2029["votingDay"]);
        Assert.Equal("2029-01-01", pemilu2029["votingWindow"]!.Str("earliest"));
        Assert.Contains("135/PUU-XXII/2024", pemilu2029.Str("regulation"), StringComparison.Ordinal);
        Assert.Contains("belum ditetapkan", (string?)pemilu2029["windowText"]!["id"], StringComparison.Ordinal);
        Assert.All(elections.Where(e => e!.Str("status") == "scheduled"), e => Assert.NotNull(e!["votingDay"]));
        Assert.Equal(0, (int)pemilu2029["stageCount"]!);
    }

    [Fact]
    public async Task An_expected_election_has_empty_feeds_not_missing_ones()
    {
        var stages = await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2029/stages");
        using var csv = await fixture.Client.GetAsync(new Uri("/v1/elections/pemilu-2029/stages.csv", UriKind.Relative));
        using var ics = await fixture.Client.GetAsync(new Uri("/v1/elections/pemilu-2029/stages.ics", UriKind.Relative));

        Assert.Empty(stages["stages"]!.AsArray());
        Assert.Equal("expected", stages["election"]!.Str("status"));
        Assert.Single((await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("BEGIN:VEVENT", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2029/contests")).AsArray());
    }

    [Fact]
    public async Task On_3_December_2026_nothing_runs_and_the_answers_name_what_comes_next()
    {
        var guidance = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2026-12-03&region=33.03");
        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar?date=2026-12-03");

        Assert.Empty(guidance["elections"]!.AsArray());
        var upcoming = guidance["upcoming"]!.AsArray();
        Assert.Contains(upcoming, u => u!.Str("id") == "pemilu-2029" && u.Str("status") == "expected" && u!["votingDay"] is null);
        Assert.Contains(upcoming, u => u!.Str("kind") == "pilkada" && u.Str("status") == "expected");
        Assert.Empty(calendar["elections"]!.AsArray());
        Assert.Contains(calendar["upcoming"]!.AsArray(), u => u!.Str("id") == "pemilu-2029");
    }

    [Fact]
    public async Task Before_a_scheduled_election_the_next_one_is_named_with_its_voting_day_and_while_one_runs_none_is()
    {
        var before = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2021-06-01&region=33.03");
        var during = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2024-02-12&region=33.03");

        Assert.Contains(before["upcoming"]!.AsArray(), u => u!.Str("id") == "pemilu-2024" && u.Str("votingDay") == "2024-02-14");
        Assert.DoesNotContain(before["upcoming"]!.AsArray(), u => u!.Str("id") == "pemilu-2029");
        Assert.Empty(during["upcoming"]!.AsArray());
    }

    [Fact]
    public async Task An_expected_election_is_never_running()
    {
        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar?date=2029-06-01");

        Assert.DoesNotContain(calendar["elections"]!.AsArray(), e => e!["election"]!.Str("id") == "pemilu-2029");
        Assert.NotEqual(HttpStatusCode.InternalServerError, (await fixture.Client.GetAsync(new Uri("/v1/elections/pemilu-2029", UriKind.Relative))).StatusCode);
    }
}
