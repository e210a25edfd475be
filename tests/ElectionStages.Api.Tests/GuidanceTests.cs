using System.Net;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;
using NodaTime;

namespace ElectionStages.Api.Tests;

/// <summary>"What may an ASN say today?" against the imported seed: one test per fact, edges, bad input, invariants.</summary>
[Collection(DatabaseCollection.Name)]
public class GuidanceTests(SeededApiFixture fixture)
{
    private const string Purbalingga = "33.03";

    private static readonly string[] RuleLists = ["prohibited", "duties", "allowed", "othersMustNot"];

    private Task<JsonNode> Guidance(string query) => fixture.Client.GetJsonAsync($"/v1/asn/guidance?{query}");

    private static JsonNode Election(JsonNode guidance, string id) =>
        guidance["elections"]!.AsArray().Single(e => e!.Str("id") == id)!;

    private static Dictionary<string, string> ContestPhases(JsonNode guidance, string electionId) =>
        guidance["elections"]!.AsArray().Where(e => e!.Str("id") == electionId)
            .SelectMany(e => e!["contests"]!.AsArray())
            .ToDictionary(c => c!.Str("id")!, c => (string)c!["phase"]!["id"]!);

    private static List<string> RuleIds(JsonNode guidance, string list) =>
        [.. guidance[list]!.AsArray().Select(r => r!.Str("id")!)];

    /// <summary>A re-vote is named as one (its short name), not as an election of the year it was held in.</summary>
    [Fact]
    public async Task The_elections_of_an_answer_carry_the_short_name_of_the_election_list()
    {
        // 13.08 held an MK-ordered re-vote of the 2024 regional elections on 2025-04-19.
        var answer = await Guidance("date=2025-04-19&region=13.08");
        var list = (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray().ToDictionary(e => e!.Str("id")!, e => e!.Str("shortName"));

        var elections = answer["elections"]!.AsArray();
        Assert.Contains(elections, e => e!.Str("id")!.StartsWith("psu-", StringComparison.Ordinal));
        foreach (var election in elections)
        {
            Assert.Equal(list[election!.Str("id")!], election.Str("shortName"));
            Assert.False(string.IsNullOrWhiteSpace(election.Str("shortName")));
        }
    }

    [Fact]
    public async Task On_12_February_2024_in_Purbalingga_it_is_the_quiet_period_of_Pemilu_2024_until_voting_day()
    {
        var guidance = await Guidance($"date=2024-02-12&region={Purbalingga}");

        Assert.All(ContestPhases(guidance, "pemilu-2024").Values, phase => Assert.Equal("quiet-period", phase));
        Assert.Contains("masa-tenang", Election(guidance, "pemilu-2024")["stages"]!.AsArray().Select(s => s!.Str("id")));
        Assert.Equal("2024-02-14", guidance["nextChange"]!.Str("date"));
        Assert.Contains(guidance["nextChange"]!["phases"]!.AsArray(), p => (string?)p!["phase"]!["id"] == "voting-day");
        var prohibited = guidance["prohibited"]!.AsArray();
        Assert.NotEmpty(prohibited);
        Assert.All(prohibited, rule =>
        {
            Assert.True(rule!["legalBasis"]!.AsArray().Count > 0 || (rule.Str("confidence") == "low" && rule["note"] is not null), rule.Str("id"));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["sanction"]!["text"]!["id"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["sanction"]!["text"]!["en"]));
        });
        Assert.Contains(prohibited, r => r!["elections"]!.AsArray().Any(e => (string?)e == "pemilu-2024"));
        Assert.Equal("Kabupaten Purbalingga", (string?)guidance["region"]!["name"]);
    }

    [Fact]
    public async Task On_25_November_2024_in_Purbalingga_both_Pilkada_contests_are_in_the_quiet_period()
    {
        var guidance = await Guidance($"date=2024-11-25&region={Purbalingga}");

        Assert.Equal(
            new Dictionary<string, string> { ["governor"] = "quiet-period", ["regent-mayor"] = "quiet-period" },
            ContestPhases(guidance, "pilkada-2024"));
        Assert.Contains("masa-tenang", Election(guidance, "pilkada-2024")["stages"]!.AsArray().Select(s => s!.Str("id")));
        Assert.Equal("2024-11-27", guidance["nextChange"]!.Str("date"));
    }

    [Fact]
    public async Task On_2_September_2024_a_DKI_administrative_city_only_has_the_governor_contest()
    {
        var guidance = await Guidance("date=2024-09-02&region=31.71");

        Assert.Equal(["governor"], ContestPhases(guidance, "pilkada-2024").Keys);
        Assert.Equal(["governor", "regent-mayor"], ContestPhases(await Guidance($"date=2024-09-02&region={Purbalingga}"), "pilkada-2024").Keys.Order());
    }

    [Fact]
    public async Task DI_Yogyakarta_has_no_governor_contest_but_its_regencies_elect_regents()
    {
        var sleman = ContestPhases(await Guidance("date=2024-11-25&region=34.04"), "pilkada-2024");

        Assert.Equal(["regent-mayor"], sleman.Keys);
    }

    [Fact]
    public async Task On_5_November_2023_legislative_candidates_are_set_and_presidential_pairs_are_not()
    {
        var phases = ContestPhases(await Guidance($"date=2023-11-05&region={Purbalingga}"), "pemilu-2024");

        Assert.Equal("candidates-determined", phases["legislative"]);
        Assert.Equal("pre-candidacy", phases["presidential"]);
    }

    [Fact]
    public async Task Pemilu_2024_and_Pilkada_2024_overlap_in_2024()
    {
        var guidance = await Guidance($"date=2024-09-02&region={Purbalingga}");

        Assert.Equal("post-voting", ContestPhases(guidance, "pemilu-2024")["presidential"]);
        Assert.Equal("pre-candidacy", ContestPhases(guidance, "pilkada-2024")["regent-mayor"]);
    }

    [Fact]
    public async Task A_date_in_2022_with_no_contest_running_still_lists_the_at_all_times_rules()
    {
        var guidance = await Guidance($"date=2022-01-15&region={Purbalingga}");
        var catalogue = await fixture.Client.GetJsonAsync("/v1/asn/rules");
        var always = catalogue.AsArray()
            .Where(r => r!["phases"]!.AsArray().Any(p => (string?)p == "baseline"))
            .Where(r => string.CompareOrdinal(r!.Str("validFrom"), "2022-01-15") <= 0 && (r!.Str("validTo") is not { } to || string.CompareOrdinal(to, "2022-01-15") >= 0))
            .Select(r => r!.Str("id")!).ToList();

        Assert.Empty(guidance["elections"]!.AsArray());
        Assert.NotEmpty(always);
        Assert.Contains("no-party-membership-uu-5-2014", always);
        Assert.DoesNotContain("no-party-membership", always);
        Assert.Equal(
            always.Order(StringComparer.Ordinal),
            RuleLists.SelectMany(list => RuleIds(guidance, list)).Order(StringComparer.Ordinal));
        Assert.Equal("2022-06-14", guidance["nextChange"]!.Str("date"));
    }

    [Fact]
    public async Task At_23_30_WIB_on_10_February_2024_it_is_already_the_quiet_period_in_Jayapura()
    {
        fixture.Factory.Clock.Reset(Instant.FromUtc(2024, 2, 10, 16, 30));

        var jayapura = await Guidance("region=91.71");
        var purbalingga = await Guidance($"region={Purbalingga}");

        Assert.Equal(("2024-02-11", "Asia/Jayapura", true), (jayapura.Str("date"), jayapura.Str("zone"), (bool)jayapura["dateIsToday"]!));
        Assert.Equal("quiet-period", ContestPhases(jayapura, "pemilu-2024")["presidential"]);
        Assert.Equal(("2024-02-10", "Asia/Jakarta"), (purbalingga.Str("date"), purbalingga.Str("zone")));
        Assert.Equal("campaign", ContestPhases(purbalingga, "pemilu-2024")["presidential"]);
    }

    [Fact]
    public async Task Without_a_region_only_national_elections_apply_and_the_answer_says_so()
    {
        var guidance = await Guidance("date=2024-11-25");

        Assert.Null(guidance["region"]);
        Assert.Empty(ContestPhases(guidance, "pilkada-2024"));
        Assert.Contains("national", (string?)guidance["scope"]!["en"], StringComparison.Ordinal);
        Assert.Contains("bukan pendapat hukum", (string?)guidance["notice"]!["id"], StringComparison.Ordinal);
        Assert.Contains("not a legal opinion", (string?)guidance["notice"]!["en"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voting_is_allowed_on_voting_day()
    {
        var guidance = await Guidance($"date=2024-02-14&region={Purbalingga}");

        Assert.Contains("may-vote", RuleIds(guidance, "allowed"));
        Assert.DoesNotContain("may-vote", RuleIds(await Guidance($"date=2024-02-13&region={Purbalingga}"), "allowed"));
    }

    [Fact]
    public async Task Region_codes_are_accepted_with_or_without_the_dot()
    {
        var dotted = await Guidance($"date=2024-02-12&region={Purbalingga}");
        var plain = await Guidance("date=2024-02-12&region=3303");

        Assert.Equal(dotted.ToJsonString(), plain.ToJsonString());
    }

    [Theory]
    [InlineData("date=2024-02-30&region=33.03", "date")]
    [InlineData("date=2024-02-12&region=99.99", "region")]
    [InlineData("date=2024-02-12&region=33.03.01", "region")]
    [InlineData("date=2024-02-12&region=Purbalingga", "region")]
    [InlineData("date=2024-02-12&zone=Asia/Atlantis", "zone")]
    [InlineData("date=2024-02-12&region=91.71&zone=Asia/Jakarta", "zone")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        using var response = await fixture.Client.GetAsync(new Uri($"/v1/asn/guidance?{query}", UriKind.Relative));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, problem.Str("parameter"));
    }

    [Fact]
    public async Task A_zone_alias_of_the_regions_own_zone_is_accepted()
    {
        var guidance = await Guidance("date=2024-11-25&region=73&zone=Asia/Ujung_Pandang");

        Assert.Equal("73", (string?)guidance["region"]!["code"]);
    }

    [Fact]
    public async Task A_rule_says_whether_it_is_in_force_then_and_there_and_why()
    {
        var inQuiet = await fixture.Client.GetJsonAsync($"/v1/asn/rules/may-vote?date=2024-02-14&region={Purbalingga}");
        var before = await fixture.Client.GetJsonAsync($"/v1/asn/rules/may-vote?date=2024-02-13&region={Purbalingga}");
        var always = await fixture.Client.GetJsonAsync("/v1/asn/rules/no-party-membership?date=2024-01-15");
        var olderLaw = await fixture.Client.GetJsonAsync("/v1/asn/rules/no-party-membership?date=2022-01-15");

        Assert.True((bool)inQuiet["inForce"]!);
        Assert.Contains(inQuiet["because"]!.AsArray(), b => b.Str("electionId") == "pemilu-2024" && (string?)b!["phase"]!["id"] == "voting-day");
        Assert.False((bool)before["inForce"]!);
        Assert.True((bool)always["inForce"]!);
        Assert.True((bool)always["always"]!);
        Assert.False((bool)olderLaw["inForce"]!);
        Assert.Equal("no-party-membership-uu-5-2014", olderLaw.Str("versionInForce"));
    }

    [Fact]
    public async Task An_unknown_rule_is_a_404_problem_naming_the_id()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/v1/asn/rules/may-sing?date=2024-02-14", UriKind.Relative));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("id", problem.Str("parameter"));
    }

    [Fact]
    public async Task Every_rule_has_a_legal_basis_a_source_and_a_known_sanction()
    {
        var rules = (await fixture.Client.GetJsonAsync("/v1/asn/rules")).AsArray();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.True(rule!["legalBasis"]!.AsArray().Count > 0 || (rule.Str("confidence") == "low" && rule["note"] is not null), rule.Str("id"));
            Assert.False(string.IsNullOrWhiteSpace(rule.Str("source")));
            Assert.NotEmpty(rule["phases"]!.AsArray());
            Assert.Equal(rule.Str("kind") == "allowed", (string?)rule["sanction"]!["kind"] == "none");
        });
        Assert.Contains(rules, r => r!.Str("kind") == "allowed");
    }

    [Fact]
    public async Task Every_scheduled_election_has_contests_whose_phases_follow_each_other_without_a_gap()
    {
        var elections = (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray();
        foreach (var election in elections.Where(e => e.Str("status") == "scheduled").Select(e => e.Str("id")!))
        {
            var contests = (await fixture.Client.GetJsonAsync($"/v1/elections/{election}/contests")).AsArray();
            Assert.NotEmpty(contests);
            foreach (var contest in contests)
            {
                var phases = contest!["phases"]!.AsArray().ToList();
                Assert.Contains(phases, p => p.Str("id") == "voting-day");
                for (var i = 1; i < phases.Count; i++)
                {
                    var previousEnd = LocalDatePattern(phases[i - 1].Str("end")!);
                    Assert.True(
                        previousEnd.PlusDays(1) == LocalDatePattern(phases[i].Str("start")!),
                        $"{election}/{contest.Str("id")}: {phases[i - 1].Str("id")} ends {previousEnd}, {phases[i].Str("id")} starts {phases[i].Str("start")}");
                }
            }
        }
    }

    [Fact]
    public async Task Every_dated_stage_of_Pemilu_2024_puts_an_ASN_in_a_phase_of_each_contest_or_lies_outside_the_cycle()
    {
        var contests = (await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2024/contests")).AsArray();
        var stages = (await fixture.Client.GetJsonAsync("/v1/elections/pemilu-2024/stages"))["stages"]!.AsArray()
            .Where(s => s.Str("start") is not null && s.Str("status") == "scheduled");
        foreach (var stage in stages)
        {
            var start = LocalDatePattern(stage.Str("start")!);
            foreach (var contest in contests)
            {
                var phases = contest!["phases"]!.AsArray().ToList();
                var first = LocalDatePattern(phases[0].Str("start")!);
                var last = LocalDatePattern(phases[^1].Str("end")!);
                var inPhase = phases.Any(p => LocalDatePattern(p.Str("start")!) <= start && start <= LocalDatePattern(p.Str("end")!));
                Assert.True(inPhase || start < first || start > last, $"{stage.Str("id")} ({start}) falls in no phase of {contest.Str("id")}");
            }
        }
    }

    [Fact]
    public async Task Pilkada_2024_runs_in_545_regions_37_governor_and_508_regent_or_mayor_races()
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        var rows = (await Dapper.SqlMapper.QueryAsync<(string Code, string Contest)>(connection,
            "SELECT region_code, contest_id FROM election_region WHERE election_id = 'pilkada-2024'")).ToList();

        Assert.Equal(545, rows.Count);
        Assert.Equal(37, rows.Count(r => r.Contest == "governor"));
        Assert.DoesNotContain(rows, r => r.Code == "34" || r.Code == "31.01" || r.Code.StartsWith("31.7", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Code == "34.04" && r.Contest == "regent-mayor");
    }

    [Fact]
    public async Task The_2025_repeat_election_and_the_re_votes_are_served_with_their_voting_days()
    {
        var repeat = await fixture.Client.GetJsonAsync("/v1/elections/pilkada-2025-bangka-pangkalpinang");
        var firstPsu = await fixture.Client.GetJsonAsync("/v1/elections/psu-pilkada-2024-2025-03-22/stages");

        Assert.Equal("2025-08-27", repeat.Str("votingDay"));
        Assert.Equal("2025-03-22", firstPsu.Stage("pemungutan-suara").Str("start"));
        Assert.False(string.IsNullOrWhiteSpace(firstPsu.Stage("pemungutan-suara").Str("source")));
    }

    private static NodaTime.LocalDate LocalDatePattern(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
