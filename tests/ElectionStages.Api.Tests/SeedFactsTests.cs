using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>One test per fact of the seed data, read back through the API (after import into PostgreSQL).</summary>
[Collection(DatabaseCollection.Name)]
public class SeedFactsTests(SeededApiFixture fixture)
{
    private Task<JsonNode> Stages(string election) => fixture.Client.GetJsonAsync($"/v1/elections/{election}/stages");

    private async Task AssertDates(string election, string stage, string start, string end)
    {
        var node = (await Stages(election)).Stage(stage);
        Assert.Equal((start, end), (node.Str("start"), node.Str("end")));
    }

    [Fact]
    public Task Masa_tenang_2024_is_11_to_13_February_2024() => AssertDates("pemilu-2024", "masa-tenang", "2024-02-11", "2024-02-13");

    [Fact]
    public Task Kampanye_2024_is_28_November_2023_to_10_February_2024() => AssertDates("pemilu-2024", "kampanye", "2023-11-28", "2024-02-10");

    [Fact]
    public Task Rallies_and_mass_media_ads_2024_are_the_last_21_days_of_the_campaign() =>
        AssertDates("pemilu-2024", "kampanye-rapat-umum", "2024-01-21", "2024-02-10");

    [Fact]
    public Task Voting_day_2024_is_14_February_2024() => AssertDates("pemilu-2024", "pemungutan-suara", "2024-02-14", "2024-02-14");

    [Fact]
    public async Task Voting_day_2024_is_the_elections_voting_day()
    {
        var election = await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2024");
        Assert.Equal("2024-02-14", election.Str("votingDay"));
    }

    [Fact]
    public Task Party_registration_2024_starts_29_July_not_29_June_2022() =>
        AssertDates("pemilu-2024", "pendaftaran-verifikasi-peserta", "2022-07-29", "2022-12-13");

    [Fact]
    public Task Stages_2024_began_14_June_2022_twenty_months_before_voting() =>
        AssertDates("pemilu-2024", "perencanaan-program-anggaran", "2022-06-14", "2024-06-14");

    [Fact]
    public Task Presidential_pairs_2024_were_set_on_13_November_2023() =>
        AssertDates("pemilu-2024", "penetapan-paslon", "2023-11-13", "2023-11-13");

    [Fact]
    public Task The_2024_legislative_final_list_was_set_on_3_November_2023() =>
        AssertDates("pemilu-2024", "penetapan-dct", "2023-10-04", "2023-11-03");

    [Fact]
    public async Task Presidential_candidacy_2024_serves_the_PKPU_19_2023_dates_and_keeps_the_Lampiran_window_in_the_note()
    {
        var stage = (await Stages("pemilu-2024")).Stage("pencalonan-presiden");

        Assert.Equal(("2023-10-16", "2023-11-14"), (stage.Str("start"), stage.Str("end")));
        Assert.Contains("PKPU 19/2023", stage.Str("source"), StringComparison.Ordinal);
        Assert.Contains("2023-11-25", (string?)stage["note"]!["en"], StringComparison.Ordinal);
        Assert.Contains("25 November 2023", (string?)stage["note"]!["id"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legislative_candidacy_2024_serves_the_PKPU_10_2023_dates()
    {
        var stage = (await Stages("pemilu-2024")).Stage("pencalonan-dpr-dprd");

        Assert.Equal(("2023-04-24", "2023-11-04"), (stage.Str("start"), stage.Str("end")));
        Assert.Contains("PKPU 10/2023", stage.Str("source"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_2024_run_off_voting_day_26_June_is_listed_as_not_held()
    {
        var stage = (await Stages("pemilu-2024")).Stage("pemungutan-suara-putaran-kedua");

        Assert.Equal(("2024-06-26", "not-held"), (stage.Str("start"), stage.Str("status")));
    }

    [Fact]
    public async Task The_2024_results_stage_is_a_rule_not_a_date()
    {
        var stage = (await Stages("pemilu-2024")).Stage("penetapan-hasil");

        Assert.Null(stage.Str("start"));
        Assert.Contains("paling lambat 3 hari", (string?)stage["ruleText"]!["id"], StringComparison.Ordinal);
    }

    [Fact]
    public Task Presidential_oath_2024_is_20_October_2024() => AssertDates("pemilu-2024", "sumpah-presiden", "2024-10-20", "2024-10-20");

    [Fact]
    public Task Masa_tenang_2019_is_14_to_16_April_2019() => AssertDates("pemilu-2019", "masa-tenang", "2019-04-14", "2019-04-16");

    [Fact]
    public async Task Voting_day_2019_is_17_April_2019()
    {
        var election = await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2019");
        Assert.Equal("2019-04-17", election.Str("votingDay"));
    }

    [Fact]
    public async Task The_2024_schedule_holds_the_11_Lampiran_stages_in_order()
    {
        var mainLampiranStages = (await Stages("pemilu-2024"))["stages"]!.AsArray()
            .Where(s => s!["parentId"] is null && s.Str("basis") == "lampiran" && s.Str("status") == "scheduled")
            .Select(s => (int)s!["ordinal"]!)
            .ToList();

        Assert.Equal(Enumerable.Range(1, 11), mainLampiranStages);
    }
}
