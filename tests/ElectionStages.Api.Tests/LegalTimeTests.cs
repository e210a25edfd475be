using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;
using ElectionStages.Domain;
using NodaTime;
using NodaTime.Text;

namespace ElectionStages.Api.Tests;

/// <summary>
/// Guidance in legal time, against the imported seed: the law of the asked day and no later one, the body in charge
/// then, every text in Indonesian, no internal references in anything served, relevance order, notices, and the
/// yes/no for one act.
/// </summary>
[Collection(DatabaseCollection.Name)]
public partial class LegalTimeTests(SeededApiFixture fixture)
{
    private const string Purbalingga = "33.03";

    private Task<JsonNode> Guidance(string query) => fixture.Client.GetJsonAsync($"/v1/asn/guidance?{query}");

    private static readonly string[] RuleLists = ["prohibited", "duties", "allowed", "othersMustNot"];

    private static readonly string[] Verdicts = ["prohibited", "allowed", "not-regulated"];

    private static IEnumerable<JsonNode> AllRules(JsonNode guidance) =>
        RuleLists.SelectMany(list => guidance[list]!.AsArray()).Select(r => r!);

    private async Task<Dictionary<string, JsonNode>> Instruments() =>
        (await fixture.Client.GetJsonAsync("/v1/asn/instruments")).AsArray().ToDictionary(i => i!.Str("id")!, i => i!);

    private static LocalDate Day(string? iso) => LocalDatePattern.Iso.Parse(iso!).Value;

    [Fact]
    public async Task The_2019_quiet_period_is_answered_with_the_law_of_2019_and_nothing_enacted_later()
    {
        var guidance = await Guidance($"date=2019-04-15&region={Purbalingga}");
        var instruments = await Instruments();
        var cited = AllRules(guidance).SelectMany(r => r["legalBasis"]!.AsArray()).Select(b => b!.Str("instrumentId")!).ToHashSet();

        var phases = guidance["elections"]!.AsArray().Single(e => e!.Str("id") == "pemilu-2019")!["contests"]!.AsArray();
        Assert.All(phases, c => Assert.Equal("quiet-period", (string?)c!["phase"]!["id"]));
        Assert.Contains("pp-53-2010", cited);
        Assert.Contains("uu-5-2014", cited);
        Assert.All(cited, id => Assert.True(
            Day(instruments[id].Str("inForceFrom")) <= new LocalDate(2019, 4, 15),
            $"{id} took effect on {instruments[id].Str("inForceFrom")}, after 2019-04-15"));
        Assert.DoesNotContain("uu-20-2023", cited);
        Assert.DoesNotContain("pp-94-2021", cited);
        Assert.DoesNotContain("skb-2022", cited);
    }

    [Fact]
    public async Task Every_rule_in_an_answer_was_in_force_that_day()
    {
        foreach (var date in new[] { "2019-04-15", "2021-08-30", "2021-08-31", "2023-10-30", "2023-10-31", "2024-02-12", "2024-11-25" })
        {
            var guidance = await Guidance($"date={date}&region={Purbalingga}");
            Assert.All(AllRules(guidance), rule =>
            {
                Assert.True(Day(rule.Str("validFrom")) <= Day(date), $"{rule.Str("id")} starts {rule.Str("validFrom")}, after {date}");
                Assert.True(rule.Str("validTo") is not { } to || Day(to) >= Day(date), $"{rule.Str("id")} ended {rule.Str("validTo")}, before {date}");
            });
        }
    }

    [Fact]
    public async Task Before_the_first_modelled_law_the_answer_has_no_rules_and_says_why()
    {
        var guidance = await Guidance("date=1999-06-07");

        Assert.Empty(AllRules(guidance));
        Assert.Contains(guidance["notices"]!.AsArray(), n => n!.Str("code") == "no-law-modelled" && !string.IsNullOrWhiteSpace((string?)n!["text"]!["id"]));
    }

    [Fact]
    public async Task Reports_went_to_KASN_in_November_2023_and_to_BKN_not_KASN_in_November_2024()
    {
        static List<string> Bodies(JsonNode guidance) =>
            [.. guidance["reportTo"]!.AsArray().Select(a => (string)a!["name"]!["id"]! + " " + (string)a["name"]!["en"]!)];

        var before = Bodies(await Guidance($"date=2023-11-05&region={Purbalingga}"));
        var after = Bodies(await Guidance($"date=2024-11-25&region={Purbalingga}"));

        Assert.Contains(before, b => b.Contains("KASN", StringComparison.Ordinal));
        Assert.Contains(after, b => b.Contains("BKN", StringComparison.Ordinal));
        Assert.DoesNotContain(after, b => b.Contains("KASN", StringComparison.Ordinal));
        Assert.Contains(after, b => b.Contains("Bawaslu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_the_quiet_period_the_first_prohibition_is_a_phase_rule_and_the_next_change_lists_added_and_removed()
    {
        var guidance = await Guidance($"date=2024-02-12&region={Purbalingga}");
        var prohibited = guidance["prohibited"]!.AsArray();
        var next = guidance["nextChange"]!;

        Assert.Equal("phase", prohibited[0]!.Str("scope"));
        Assert.Equal(
            prohibited.Select(r => r!.Str("scope")).OrderBy(s => s == "phase" ? 0 : 1),
            prohibited.Select(r => r!.Str("scope")));
        Assert.All(prohibited, r => Assert.Equal("asn", r!.Str("addressee")));
        Assert.All(guidance["othersMustNot"]!.AsArray(), r => Assert.NotEqual("asn", r!.Str("addressee")));
        var added = next["added"]!.AsArray().Select(a => (string)a!).ToList();
        var removed = next["removed"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.NotEmpty(added.Concat(removed));
        var onThatDay = AllRules(await Guidance($"date={next.Str("date")}&region={Purbalingga}")).Select(r => r.Str("id")).ToHashSet();
        Assert.All(added, id => Assert.Contains(id, onThatDay));
        Assert.All(removed, id => Assert.DoesNotContain(id, onThatDay));
    }

    [Fact]
    public async Task An_allowed_exception_and_its_prohibition_name_each_other()
    {
        var rules = (await fixture.Client.GetJsonAsync("/v1/asn/rules")).AsArray().ToDictionary(r => r!.Str("id")!, r => r!);

        var exceptions = rules.Values.Where(r => r["exceptionTo"]!.AsArray().Count > 0).ToList();
        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, exception => Assert.All(exception["exceptionTo"]!.AsArray(), target =>
            Assert.Contains(exception["versionOf"]?.GetValue<string>() ?? exception.Str("id"),
                rules[(string)target!]["exceptions"]!.AsArray().Select(e => (string?)e))));
    }

    [Fact]
    public async Task The_eve_of_the_Papua_governor_re_vote_in_Jayapura_says_the_data_is_partial()
    {
        var guidance = await Guidance("date=2025-08-05&region=91.71");

        var notice = Assert.Single(guidance["notices"]!.AsArray(), n => n!.Str("code") == "partial-data")!;
        Assert.Equal("psu-pilkada-2024-2025-08-06", notice.Str("electionId"));
        Assert.False(string.IsNullOrWhiteSpace((string?)notice["text"]!["id"]));
        Assert.DoesNotContain((await Guidance("date=2025-08-05&region=33.03"))["notices"]!.AsArray(), n => n!.Str("code") == "partial-data");
    }

    [Fact]
    public async Task Searching_acts_for_media_sosial_finds_sharing_a_candidates_post_and_it_was_prohibited_in_the_2024_quiet_period()
    {
        var found = (await fixture.Client.GetJsonAsync("/v1/asn/acts?q=media%20sosial")).AsArray();
        Assert.NotEmpty(found);
        var share = found.First(a => ((string?)a!["text"]!["en"])!.Contains("shar", StringComparison.OrdinalIgnoreCase))!;

        using var response = await fixture.Client.GetAsync(new Uri($"/v1/asn/acts/{share.Str("id")}?date=2024-02-12&region={Purbalingga}", UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        var check = JsonNode.Parse(body)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.Length < 2048, $"the act check is {body.Length} bytes");
        Assert.Equal("prohibited", check.Str("verdict"));
        Assert.False(string.IsNullOrWhiteSpace((string?)check["sanction"]!["name"]!["id"]));
        var rule = await fixture.Client.GetJsonAsync($"/v1/asn/rules/{check["because"]!.Str("rule")}");
        Assert.Equal(rule["rule"]!["sanction"]!.Str("kind"), check["sanction"]!.Str("kind"));
        Assert.NotEmpty(check["legalBasis"]!.AsArray());
        Assert.True(Day(check.Str("until")) >= new LocalDate(2024, 2, 12));
        Assert.Empty((await fixture.Client.GetJsonAsync("/v1/asn/acts?q=zzzz-nothing")).AsArray());
    }

    [Fact]
    public async Task Every_act_check_is_well_under_2_KB()
    {
        var acts = (await fixture.Client.GetJsonAsync("/v1/asn/acts")).AsArray().Select(a => a!.Str("id")).ToList();
        var largest = 0;
        foreach (var id in acts)
        {
            foreach (var query in new[] { "date=2019-04-15&region=33.03", "date=2024-02-12&region=33.03", "date=2025-08-05&region=19.71" })
            {
                using var response = await fixture.Client.GetAsync(new Uri($"/v1/asn/acts/{id}?{query}", UriKind.Relative));
                largest = Math.Max(largest, (await response.Content.ReadAsByteArrayAsync()).Length);
            }
        }

        Assert.True(acts.Count >= 20, $"only {acts.Count} acts");
        Assert.True(largest < 2048, $"the largest act check is {largest} bytes");
    }

    [Fact]
    public async Task An_act_checked_in_March_2022_is_answered_with_what_held_then()
    {
        var share = (await fixture.Client.GetJsonAsync("/v1/asn/acts?q=media%20sosial")).AsArray()
            .First(a => ((string?)a!["text"]!["en"])!.Contains("shar", StringComparison.OrdinalIgnoreCase))!;
        var rules = (await fixture.Client.GetJsonAsync("/v1/asn/rules")).AsArray().ToDictionary(r => r!.Str("id")!, r => r!);

        var check = await fixture.Client.GetJsonAsync($"/v1/asn/acts/{share.Str("id")}?date=2022-03-01&region={Purbalingga}");

        Assert.Contains(check.Str("verdict"), Verdicts);
        if (check["because"] is { } because)
        {
            var rule = rules[because.Str("rule")!];
            Assert.True(Day(rule.Str("validFrom")) <= new LocalDate(2022, 3, 1));
        }
        else
        {
            Assert.Equal("not-regulated", check.Str("verdict"));
            Assert.Empty(check["legalBasis"]!.AsArray());
            var duties = Assert.Single(check["notices"]!.AsArray(), n => n!.Str("code") == "general-duties-apply")!;
            Assert.All(duties["rules"]!.AsArray(), id => Assert.True(Day(rules[(string)id!].Str("validFrom")) <= new LocalDate(2022, 3, 1)));
            Assert.NotEmpty(duties["rules"]!.AsArray());
        }

        Assert.True(check.Str("until") is null || Day(check.Str("until")) >= new LocalDate(2022, 3, 1));
    }

    [Fact]
    public async Task An_unknown_act_is_a_404_and_an_overlong_search_a_400()
    {
        var missing = await fixture.Client.GetJsonAsync("/v1/asn/acts/no-such-act", HttpStatusCode.NotFound);
        var overlong = await fixture.Client.GetJsonAsync($"/v1/asn/acts?q={new string('a', 101)}", HttpStatusCode.BadRequest);

        Assert.Equal("id", missing.Str("parameter"));
        Assert.Equal("q", overlong.Str("parameter"));
    }

    [Fact]
    public async Task No_served_JSON_CSV_or_iCalendar_refers_to_internal_notes()
    {
        var urls = new List<string> { "/v1/elections", "/v1/asn/rules", "/v1/asn/acts", "/v1/asn/instruments", "/v1/regions" };
        var elections = (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray().Select(e => e!.Str("id")!).ToList();
        foreach (var id in elections)
        {
            urls.AddRange([$"/v1/elections/{id}/stages", $"/v1/elections/{id}/stages.csv", $"/v1/elections/{id}/stages.ics", $"/v1/elections/{id}/contests"]);
        }

        urls.AddRange(["/v1/asn/guidance?date=2019-04-15&region=33.03", "/v1/asn/guidance?date=2024-02-12&region=33.03", "/v1/asn/guidance?date=2025-08-05&region=91.71"]);
        foreach (var url in urls)
        {
            using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            var match = InternalReference().Match(body);
            Assert.False(match.Success, $"{url} serves an internal reference: …{(match.Success ? body.Substring(Math.Max(0, match.Index - 60), Math.Min(120, body.Length - Math.Max(0, match.Index - 60))) : "")}…");
        }
    }

    [Fact]
    public async Task Every_sanction_note_and_rule_text_served_has_Indonesian_text()
    {
        var rules = (await fixture.Client.GetJsonAsync("/v1/asn/rules")).AsArray();
        var elections = (await fixture.Client.GetJsonAsync("/v1/elections")).AsArray();
        var stages = new List<JsonNode>();
        foreach (var e in elections)
        {
            stages.AddRange((await fixture.Client.GetJsonAsync($"/v1/elections/{e!.Str("id")}/stages"))["stages"]!.AsArray().Select(s => s!));
        }

        static void Bilingual(JsonNode? text, string what)
        {
            if (text is null)
            {
                return;
            }

            Assert.False(string.IsNullOrWhiteSpace((string?)text["id"]), $"{what} has no Indonesian text");
            Assert.False(string.IsNullOrWhiteSpace((string?)text["en"]), $"{what} has no English text");
            Assert.NotEqual((string?)text["en"], (string?)text["id"]);
        }

        Assert.All(rules, r =>
        {
            Bilingual(r!["sanction"]!["text"], $"rule {r.Str("id")} sanction");
            Bilingual(r["note"], $"rule {r.Str("id")} note");
        });
        Assert.All(elections, e => Bilingual(e!["note"], $"election {e.Str("id")} note"));
        Assert.All(stages, s =>
        {
            Bilingual(s["note"], $"stage {s.Str("id")} note");
            Bilingual(s["ruleText"], $"stage {s.Str("id")} rule text");
        });
        Assert.Contains(rules, r => r!["note"] is not null);
    }

    /// <summary>
    /// For every day of every contest's cycle in the seed, in every region where a regional election is held and
    /// nationally, no rule in the answer cites an instrument that took effect after that day.
    /// </summary>
    [Fact]
    public void No_answer_on_any_day_of_any_cycle_cites_an_instrument_that_took_effect_later()
    {
        var seed = SeedSet.Read(Repository.SeedData);
        Assert.Empty(seed.Problems);
        var snapshot = new CalendarSnapshot(1, Instant.FromUtc(2026, 1, 1, 0, 0), seed.Elections, seed.Stages, seed.Guidance);
        var instruments = seed.Guidance.Instruments.ToDictionary(i => i.Id);
        var regions = seed.Guidance.ElectionRegions.GroupBy(er => er.ElectionId).Select(g => g.First().RegionCode)
            .Select(code => snapshot.FindRegion(code))
            .Append(null)
            .Distinct()
            .ToList();
        var checkedDays = 0;
        foreach (var contest in seed.Guidance.Contests)
        {
            var spans = contest.PhaseSpans();
            for (var day = spans.Min(s => s.Dates.Start); day <= spans.Max(s => s.Dates.End); day = day.PlusDays(1))
            {
                foreach (var region in regions)
                {
                    foreach (var rule in NeutralityGuide.RulesInForce(
                                 snapshot.Guidance.Rules, NeutralityGuide.PhasesOn(NeutralityGuide.ContestsFor(snapshot, region), day), day))
                    {
                        foreach (var reference in rule.Rule.LegalBasis)
                        {
                            Assert.True(instruments[reference.InstrumentId].InForceOn(day),
                                $"{day:uuuu-MM-dd} {region?.Code}: {rule.Rule.Id} cites {reference.InstrumentId}, not in force that day");
                        }
                    }
                }

                checkedDays++;
            }
        }

        Assert.True(checkedDays > 2000, $"only {checkedDays} days checked");
    }

    [GeneratedRegex(@"§|(?<![/\w.-])[\w.-]+\.md\b|\bresearch|\bnotes? file", RegexOptions.IgnoreCase)]
    private static partial Regex InternalReference();
}
