using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;
using ElectionStages.Client.Tests.NSwag;

namespace ElectionStages.Client.Tests;

/// <summary>
/// The NSwag client (System.Text.Json) generated from openapi/v1.json at build time, against the real API on the
/// seeded database: every operation of the document, the null cases, a file download, and problems as typed
/// exceptions. What it reads is compared with the raw JSON of the same request. Every response also passes the
/// contract check of <see cref="ApiFactory"/>'s client.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class NSwagClientTests(SeededApiFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset QuietDay = new(2024, 2, 12, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The client's own HttpClient: checked against the contract like every other, and its operations counted.</summary>
    private readonly OperationsCalled operations = new();

    private HttpClient? http;

    private HttpClient Http => http ??= fixture.Factory.CreateClient(operations.Recorder());

    private ElectionStagesNSwagClient client => new(Http);

    public void Dispose() => http?.Dispose();

    /// <summary>Each operation of the document, called once through the client: the list must name them all.</summary>
    [Fact]
    public async Task Every_operation_of_the_document_is_called_through_the_client()
    {
        var calls = new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
        {
            ["ListElections"] = () => client.ListElectionsAsync(),
            ["GetElection"] = () => client.GetElectionAsync("pemilu-2024"),
            ["GetElectionStages"] = () => client.GetElectionStagesAsync("pemilu-2024"),
            ["GetElectionStagesFile"] = async () => (await client.GetElectionStagesFileAsync("pemilu-2024", FileFormat.Json)).Dispose(),
            ["GetElectionContests"] = () => client.GetElectionContestsAsync("pemilu-2024"),
            ["GetCalendar"] = () => client.GetCalendarAsync(QuietDay),
            ["ListRegions"] = () => client.ListRegionsAsync(),
            ["GetRegion"] = () => client.GetRegionAsync("33.03"),
            ["GetRegionCalendar"] = () => client.GetRegionCalendarAsync("33.03"),
            ["GetRegionCalendarFile"] = async () => (await client.GetRegionCalendarFileAsync("33.03", FileFormat.Json)).Dispose(),
            ["GetRegionBadge"] = async () => (await client.GetRegionBadgeAsync("33.03")).Dispose(),
            ["GetAsnGuidance"] = () => client.GetAsnGuidanceAsync(),
            ["ListAsnRules"] = () => client.ListAsnRulesAsync(),
            ["CheckAsnRule"] = () => client.CheckAsnRuleAsync("may-vote"),
            ["ListAsnActs"] = () => client.ListAsnActsAsync(),
            ["CheckAsnAct"] = () => client.CheckAsnActAsync("like-share-candidate-post"),
            ["ListAsnInstruments"] = () => client.ListAsnInstrumentsAsync(),
            ["ListChanges"] = () => client.ListChangesAsync(),
            ["GetChangesFeed"] = async () => (await client.GetChangesFeedAsync()).Dispose(),
        };

        await operations.CallEachAsync(calls);
    }

    [Fact]
    public async Task Elections_an_election_its_stages_its_contests_and_its_stages_file()
    {
        var raw = await fixture.Client.GetJsonAsync("/v1/elections");
        var elections = await client.ListElectionsAsync();
        Assert.Equal(raw.Strings("id"), elections.Select(e => e.Id));
        Assert.Equal(raw.Strings("status"), elections.Select(e => Wire.Of(e.Status)));
        Assert.Equal(raw.Strings("kind"), elections.Select(e => Wire.Of(e.Kind)));
        Assert.Equal(raw.Strings("votingDay"), elections.Select(e => Wire.Date(e.VotingDay)));
        Assert.Contains(elections, e => e.VotingDay is null);

        var id = elections.First(e => e.StageCount > 0).Id;
        var election = await client.GetElectionAsync(id);
        Assert.Equal((string?)raw.AsArray().Single(e => (string?)e!["id"] == id)!["name"]!["en"], election.Name.En);

        var stages = await client.GetElectionStagesAsync(id);
        Assert.Equal(election.StageCount, stages.Stages.Count);
        var rawStages = await fixture.Client.GetJsonAsync($"/v1/elections/{id}/stages");
        Assert.Equal(rawStages["stages"].Strings("parentId"), stages.Stages.Select(s => s.ParentId));
        Assert.Equal(rawStages["stages"].Strings("start"), stages.Stages.Select(s => Wire.Date(s.Start)));
        Assert.Equal(rawStages["stages"].Strings("status"), stages.Stages.Select(s => Wire.Of(s.Status)));

        // A download is a file (FileResponse), whichever its type: here the JSON of the same schedule.
        using var file = await client.GetElectionStagesFileAsync(id, FileFormat.Json);
        var json = (await JsonNode.ParseAsync(file.Stream))!;
        Assert.Equal(stages.Stages.Select(s => s.Id), json["stages"].Strings("id"));

        var contests = await client.GetElectionContestsAsync(id);
        var rawContests = await fixture.Client.GetJsonAsync($"/v1/elections/{id}/contests");
        Assert.Equal(rawContests.Strings("id"), contests.Select(c => c.Id));
        Assert.Equal(
            rawContests.AsArray().SelectMany(c => c!["phases"].Strings("end")),
            contests.SelectMany(c => c.Phases.Select(p => Wire.Date(p.End))));
    }

    [Fact]
    public async Task Regions_a_region_its_calendar_its_calendar_file_and_its_badge()
    {
        var raw = await fixture.Client.GetJsonAsync("/v1/regions?parent=33");
        var regions = await client.ListRegionsAsync("33");
        Assert.Equal(raw.Strings("code"), regions.Select(r => r.Code));
        Assert.All(regions, r => Assert.Equal("33", r.ParentCode));
        Assert.Equal(raw.Strings("kind"), regions.Select(r => Wire.Of(r.Kind)));

        var code = regions.First().Code;
        var region = await client.GetRegionAsync(code);
        Assert.Equal(regions.First().Zone, region.Zone);
        var province = await client.GetRegionAsync("33");
        Assert.Null(province.ParentCode);

        var calendar = await client.GetRegionCalendarAsync(code);
        var rawCalendar = await fixture.Client.GetJsonAsync($"/v1/regions/{code}/calendar");
        Assert.Equal(rawCalendar["elections"]!.AsArray().Select(e => (string?)e!["election"]!["id"]), calendar.Elections.Select(e => e.Election.Id));
        using var file = await client.GetRegionCalendarFileAsync(code, FileFormat.Json);
        var json = (await JsonNode.ParseAsync(file.Stream))!;
        Assert.Equal(calendar.Elections.Sum(e => e.Stages.Count), json["elections"]!.AsArray().Sum(e => e!["stages"]!.AsArray().Count));

        using var badge = await client.GetRegionBadgeAsync(code, QuietDay, Lang.En);
        using var reader = new StreamReader(badge.Stream, Encoding.UTF8);
        var svg = await reader.ReadToEndAsync();
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains(region.Name, svg, StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", badge.Headers["Content-Type"].Single().Split(';')[0]);
    }

    /// <summary>Files by suffix through the generated client, with its documented Accept hook (NSwagFileAccept.cs).</summary>
    [Fact]
    public async Task The_schedule_downloads_as_CSV_with_a_BOM_and_as_iCalendar()
    {
        var election = await client.GetElectionAsync("pemilu-2024");

        using var csv = await client.GetElectionStagesFileAsync("pemilu-2024", FileFormat.Csv, bom: true);
        Assert.Equal("text/csv", csv.Headers["Content-Type"].Single().Split(';')[0]);
        Assert.Contains("pemilu-2024-tahapan.csv", csv.Headers["Content-Disposition"].Single(), StringComparison.Ordinal);
        using var bytes = new MemoryStream();
        await csv.Stream.CopyToAsync(bytes);
        var content = bytes.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, content[..3]);
        var lines = Encoding.UTF8.GetString(content, 3, content.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("outline", lines[0].Split(','));
        Assert.True(lines.Length > election.StageCount, $"{lines.Length} lines for {election.StageCount} stages");

        using var ics = await client.GetRegionCalendarFileAsync("33.03", FileFormat.Ics);
        using var reader = new StreamReader(ics.Stream, Encoding.UTF8);
        var calendar = await reader.ReadToEndAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Pemilu 2024: ", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guidance_in_a_region_reads_arrays_of_kebab_case_enums_and_the_next_change()
    {
        var raw = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2024-02-12&region=33.03");
        var guidance = await client.GetAsnGuidanceAsync(QuietDay, "33.03");

        Assert.Equal((string?)raw["region"]!["name"], guidance.Region!.Name);
        Assert.Equal(raw["prohibited"].Strings("id"), guidance.Prohibited.Select(r => r.Id));
        Assert.Equal(raw["prohibited"].Strings("validTo"), guidance.Prohibited.Select(r => Wire.Date(r.ValidTo)));
        Assert.Equal(
            raw["prohibited"]!.AsArray().SelectMany(r => r!["electionKinds"].Values()),
            guidance.Prohibited.SelectMany(r => r.ElectionKinds.Select(Wire.Of)));
        Assert.Equal(raw["prohibited"]!.AsArray().Select(r => (string?)r!["sanction"]!["kind"]), guidance.Prohibited.Select(r => Wire.Of(r.Sanction.Kind)));
        Assert.Equal((string?)raw["nextChange"]!["date"], Wire.Date(guidance.NextChange!.Date));
        Assert.Equal(raw["nextChange"]!["added"].Values(), guidance.NextChange.Added);
        Assert.Equal(raw["elections"].Strings("id"), guidance.Elections.Select(e => e.Id));
        Assert.Equal(DateTimeOffset.Parse((string)raw["importedAt"]!, CultureInfo.InvariantCulture), guidance.ImportedAt);
    }

    [Fact]
    public async Task Guidance_without_a_region_on_a_date_with_no_next_change_reads_the_nulls()
    {
        var day = await SnapshotFacts.DayWithoutNextChangeAsync(fixture.Client);

        var guidance = await client.GetAsnGuidanceAsync(new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero));

        Assert.Null(guidance.Region);
        Assert.Null(guidance.NextChange);
        Assert.Equal(day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Wire.Date(guidance.Date));
        Assert.False(guidance.DateIsToday);

        // Without a date: today by the API's clock, in the zone asked for.
        var today = await client.GetAsnGuidanceAsync(zone: "Asia/Jayapura");
        Assert.True(today.DateIsToday);
        Assert.Equal("Asia/Jayapura", today.Zone);
    }

    [Fact]
    public async Task Rules_a_rule_check_acts_an_act_check_and_instruments()
    {
        var rawRules = await fixture.Client.GetJsonAsync("/v1/asn/rules");
        var rules = await client.ListAsnRulesAsync();
        Assert.Equal(rawRules.Strings("id"), rules.Select(r => r.Id));
        Assert.Equal(rawRules.Strings("versionOf"), rules.Select(r => r.VersionOf));
        Assert.Equal(rawRules.AsArray().SelectMany(r => r!["electionKinds"].Values()), rules.SelectMany(r => r.ElectionKinds.Select(Wire.Of)));
        Assert.Equal(rawRules.Strings("addressee"), rules.Select(r => Wire.Of(r.Addressee)));
        Assert.Equal(rawRules.Strings("scope"), rules.Select(r => Wire.Of(r.Scope)));

        var rule = rules.First(r => r.Scope == RuleScope.Phase && r.VersionOf is null);
        var check = await client.CheckAsnRuleAsync(rule.Id, QuietDay, "33.03");
        var rawCheck = await fixture.Client.GetJsonAsync($"/v1/asn/rules/{rule.Id}?date=2024-02-12&region=33.03");
        Assert.Equal((bool)rawCheck["inForce"]!, check.InForce);
        Assert.Equal((string?)rawCheck["versionInForce"], check.VersionInForce);
        Assert.Equal(rawCheck["because"].Strings("contestId"), check.Because.Select(b => b.ContestId));

        var rawActs = await fixture.Client.GetJsonAsync("/v1/asn/acts?q=kampanye");
        var acts = await client.ListAsnActsAsync("kampanye");
        Assert.NotEmpty(acts);
        Assert.Equal(rawActs.Strings("id"), acts.Select(a => a.Id));
        foreach (var act in acts)
        {
            var verdict = await client.CheckAsnActAsync(act.Id, QuietDay, "33.03");
            var rawVerdict = await fixture.Client.GetJsonAsync($"/v1/asn/acts/{act.Id}?date=2024-02-12&region=33.03");
            Assert.Equal((string?)rawVerdict["verdict"], Wire.Of(verdict.Verdict));
            Assert.Equal((string?)rawVerdict["until"], Wire.Date(verdict.Until));
            Assert.Equal((string?)rawVerdict["sanction"]?["kind"], Wire.Of(verdict.Sanction?.Kind));
            Assert.Equal((string?)rawVerdict["because"]?["rule"], verdict.Because?.Rule);
        }

        var rawInstruments = await fixture.Client.GetJsonAsync("/v1/asn/instruments");
        var instruments = await client.ListAsnInstrumentsAsync();
        Assert.Equal(rawInstruments.Strings("kind"), instruments.Select(i => Wire.Of(i.Kind)));
        Assert.Equal(rawInstruments.Strings("inForceTo"), instruments.Select(i => Wire.Date(i.InForceTo)));
    }

    [Fact]
    public async Task The_calendar_the_changes_and_the_changes_feed()
    {
        var calendar = await client.GetCalendarAsync(QuietDay);
        var raw = await fixture.Client.GetJsonAsync("/v1/calendar?date=2024-02-12");
        Assert.Equal(raw["elections"]!.AsArray().SelectMany(e => e!["stages"].Strings("id")), calendar.Elections.SelectMany(e => e.Stages.Select(s => s.Id)));
        Assert.Empty(calendar.Upcoming);

        var changes = await client.ListChangesAsync(0);
        var rawChanges = await fixture.Client.GetJsonAsync("/v1/changes?since=0");
        Assert.Equal((long)rawChanges["revision"]!, changes.Revision);
        Assert.Equal(rawChanges["changes"]!.AsArray().Select(c => (bool)c!["initial"]!), changes.Changes.Select(c => c.Initial));

        using var feed = await client.GetChangesFeedAsync();
        using var reader = new StreamReader(feed.Stream, Encoding.UTF8);
        Assert.Contains("<feed", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_are_typed_exceptions_naming_the_parameter()
    {
        var notFound = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.GetElectionStagesAsync("pemilu-1900"));
        Assert.Equal((int)HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("id", notFound.Result.Parameter);
        Assert.Equal("/problems/not-found", notFound.Result.Type);
        Assert.Contains("id", notFound.Result.Errors.Keys);

        var invalid = await Assert.ThrowsAsync<ApiException<Problem>>(() => client.GetAsnGuidanceAsync(QuietDay, "33.033"));
        Assert.Equal((int)HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("region", invalid.Result.Parameter);
        Assert.Equal(400, invalid.Result.Status);
        Assert.False(string.IsNullOrEmpty(invalid.Result.Detail));
    }
}
