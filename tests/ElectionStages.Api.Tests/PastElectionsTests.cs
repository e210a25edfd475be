using ElectionStages.Api.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace ElectionStages.Api.Tests;

/// <summary>The regional elections of 2020 and 2018, with the law of their days.</summary>
[Collection(DatabaseCollection.Name)]
public class PastElectionsTests(SeededApiFixture fixture)
{
    private static readonly string[] RuleLists = ["prohibited", "duties", "allowed", "othersMustNot"];

    [Fact]
    public async Task On_7_December_2020_Purbalingga_is_in_the_quiet_period_of_Pilkada_2020_under_the_law_of_that_day()
    {
        var guidance = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2020-12-07&region=33.03");
        var instruments = (await fixture.Client.GetJsonAsync("/v1/asn/instruments")).AsArray().ToDictionary(i => i!.Str("id")!, i => i!);

        var pilkada = guidance["elections"]!.AsArray().Single(e => e!.Str("id") == "pilkada-2020")!;
        Assert.Contains(pilkada["contests"]!.AsArray(), c => c!.Str("id") == "regent-mayor" && (string?)c!["phase"]!["id"] == "quiet-period");
        Assert.Contains("masa-tenang", pilkada["stages"]!.AsArray().Select(s => s!.Str("id")));
        var cited = RuleLists
            .SelectMany(list => guidance[list]!.AsArray())
            .SelectMany(r => r!["legalBasis"]!.AsArray().Select(b => b!.Str("instrumentId")!))
            .ToHashSet();
        Assert.Contains("pp-53-2010", cited);
        Assert.DoesNotContain("pp-94-2021", cited);
        Assert.All(cited, id => Assert.True(
            LocalDatePattern.Iso.Parse(instruments[id].Str("inForceFrom")!).Value <= new LocalDate(2020, 12, 7), id));
        Assert.Contains(guidance["prohibited"]!.AsArray(), r => r!["elections"]!.AsArray().Any(e => (string?)e == "pilkada-2020"));
    }

    [Fact]
    public async Task A_regency_now_in_Papua_Tengah_kept_the_2018_Papua_governor_race()
    {
        var mimika = (await fixture.Client.GetJsonAsync("/v1/regions")).AsArray().Single(r => r!.Str("name") == "Kabupaten Mimika")!.Str("code");
        var guidance = await fixture.Client.GetJsonAsync($"/v1/asn/guidance?date=2018-06-25&region={mimika}");

        var contests = guidance["elections"]!.AsArray().Single(e => e!.Str("id") == "pilkada-2018")!["contests"]!.AsArray();
        Assert.Equal(["governor", "regent-mayor"], contests.Select(c => c!.Str("id")).Order());
        Assert.All(contests, c => Assert.Equal("quiet-period", (string?)c!["phase"]!["id"]));
    }

    [Theory]
    [InlineData("pilkada-2020", "2020-12-09", 270)]
    [InlineData("pilkada-2018", "2018-06-27", 174)]
    public async Task The_schedule_is_served_as_JSON_CSV_and_iCalendar_with_its_regions(string id, string votingDay, int regions)
    {
        var stages = await fixture.Client.GetJsonAsync($"/v1/elections/{id}/stages");
        using var csv = await fixture.Client.GetAsync(new Uri($"/v1/elections/{id}/stages.csv", UriKind.Relative));
        using var ics = await fixture.Client.GetAsync(new Uri($"/v1/elections/{id}/stages.ics", UriKind.Relative));
        var contests = (await fixture.Client.GetJsonAsync($"/v1/elections/{id}/contests")).AsArray();

        Assert.Equal(votingDay, stages["election"]!.Str("votingDay"));
        Assert.Equal(votingDay, stages.Stage("pemungutan-suara").Str("start"));
        var rows = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.True(rows >= stages["stages"]!.AsArray().Count, $"{rows} CSV rows");
        Assert.Contains("BEGIN:VEVENT", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["governor", "regent-mayor"], contests.Select(c => c!.Str("id")).Order());
        var held = Repository.SeedData;
        var count = File.ReadLines(Path.Combine(held, "election_regions.csv")).Count(l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Equal(regions, count);
    }
}
