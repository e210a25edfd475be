using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsvHelper;
using ElectionStages.Api.Tests.Infrastructure;
using ElectionStages.Client.Tests.Kiota;
using ElectionStages.Client.Tests.Kiota.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ElectionStages.Client.Tests;

/// <summary>
/// The Kiota client generated from openapi/v1.json at build time, against the real API on the seeded database: every
/// operation of the document, the null cases, CSV downloads, and problems as typed exceptions. What it reads is
/// compared with the raw JSON of the same request. Every response also passes the contract check of
/// <see cref="ApiFactory"/>'s client.
/// </summary>
[Collection(ClientsCollection.Name)]
public sealed class KiotaClientTests : IDisposable
{
    private static readonly Date QuietDay = new(2024, 2, 12);

    private readonly SeededApiFixture fixture;

    private readonly OperationsCalled operations = new();

    private readonly HttpClient http;

    private readonly HttpClientRequestAdapter adapter;

    private readonly ElectionStagesKiotaClient client;

    public KiotaClientTests(SeededApiFixture fixture)
    {
        this.fixture = fixture;
        // The client's own HttpClient: checked against the contract like every other, and its operations counted.
        http = fixture.Factory.CreateClient(operations.Recorder());
        // The document's server is relative ("/"): a client is given the base URL of the API it talks to.
        adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        };
        client = new ElectionStagesKiotaClient(adapter);
    }

    public void Dispose()
    {
        adapter.Dispose();
        http.Dispose();
    }

    /// <summary>Each operation of the document, called once through the client: the list must name them all.</summary>
    [Fact]
    public async Task Every_operation_of_the_document_is_called_through_the_client()
    {
        var calls = new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
        {
            ["ListElections"] = () => client.V1.Elections.GetAsync(),
            ["GetElection"] = () => client.V1.Elections["pemilu-2024"].GetAsync(),
            ["GetElectionStages"] = () => client.V1.Elections["pemilu-2024"].Stages.GetAsync(),
            ["GetElectionStagesFile"] = async () => (await client.V1.Elections["pemilu-2024"].StagesWithFormat("json").GetAsync())?.Dispose(),
            ["GetElectionContests"] = () => client.V1.Elections["pemilu-2024"].Contests.GetAsync(),
            ["GetCalendar"] = () => client.V1.Calendar.GetAsync(),
            ["ListRegions"] = () => client.V1.Regions.GetAsync(),
            ["GetRegion"] = () => client.V1.Regions["33.03"].GetAsync(),
            ["GetRegionCalendar"] = () => client.V1.Regions["33.03"].Calendar.GetAsync(),
            ["GetRegionCalendarFile"] = async () => (await client.V1.Regions["33.03"].CalendarWithFormat("json").GetAsync())?.Dispose(),
            ["GetRegionBadge"] = async () => await (await client.V1.Regions["33.03"].BadgeSvg.GetAsync())!.DisposeAsync(),
            ["GetAsnGuidance"] = () => client.V1.Asn.Guidance.GetAsync(),
            ["ListAsnRules"] = () => client.V1.Asn.Rules.GetAsync(),
            ["CheckAsnRule"] = () => client.V1.Asn.Rules["may-vote"].GetAsync(),
            ["ListAsnActs"] = () => client.V1.Asn.Acts.GetAsync(),
            ["CheckAsnAct"] = () => client.V1.Asn.Acts["like-share-candidate-post"].GetAsync(),
            ["ListAsnInstruments"] = () => client.V1.Asn.Instruments.GetAsync(),
            ["ListChanges"] = () => client.V1.Changes.GetAsync(),
            ["GetChangesFeed"] = async () => await (await client.V1.ChangesAtom.GetAsync())!.DisposeAsync(),
        };

        await operations.CallEachAsync(calls);
    }

    [Fact]
    public async Task Elections_an_election_its_stages_its_contests_and_its_stages_file()
    {
        var raw = await fixture.Client.GetJsonAsync("/v1/elections");
        var elections = (await client.V1.Elections.GetAsync())!;
        Assert.Equal(raw.Strings("id"), elections.Select(e => e.Id));
        Assert.Equal(raw.Strings("status"), elections.Select(e => Wire.Of(e.Status)));
        Assert.Equal(raw.Strings("kind"), elections.Select(e => Wire.Of(e.Kind)));
        Assert.Equal(raw.Strings("votingDay"), elections.Select(e => Wire.Date(e.VotingDay)));
        Assert.Contains(elections, e => e.VotingDay is null);

        var id = elections.First(e => e.StageCount > 0).Id!;
        var election = (await client.V1.Elections[id].GetAsync())!;
        Assert.Equal((string?)raw.AsArray().Single(e => (string?)e!["id"] == id)!["name"]!["en"], election.Name!.En);

        var stages = (await client.V1.Elections[id].Stages.GetAsync())!;
        Assert.Equal(election.StageCount, stages.Stages!.Count);
        var rawStages = await fixture.Client.GetJsonAsync($"/v1/elections/{id}/stages");
        Assert.Equal(rawStages["stages"].Strings("parentId"), stages.Stages.Select(s => s.ParentId));
        Assert.Equal(rawStages["stages"].Strings("end"), stages.Stages.Select(s => Wire.Date(s.End)));
        Assert.Equal(rawStages["stages"].Strings("basis"), stages.Stages.Select(s => Wire.Of(s.Basis)));

        // A download is a file (a Stream), whichever its type: here the JSON of the same schedule.
        await using var fileStream = (await client.V1.Elections[id].StagesWithFormat("json").GetAsync())!;
        var file = (await JsonNode.ParseAsync(fileStream))!;
        Assert.Equal(stages.Stages.Select(s => s.Id), file["stages"].Strings("id"));

        var contests = (await client.V1.Elections[id].Contests.GetAsync())!;
        var rawContests = await fixture.Client.GetJsonAsync($"/v1/elections/{id}/contests");
        Assert.Equal(rawContests.Strings("id"), contests.Select(c => c.Id));
        Assert.Equal(rawContests.Strings("confidence"), contests.Select(c => Wire.Of(c.Confidence)));
    }

    /// <summary>CSV through the generated request builders: by <c>Accept</c> on the schedule, and by suffix.</summary>
    [Fact]
    public async Task The_schedule_downloads_as_CSV_one_row_per_stage()
    {
        var election = (await client.V1.Elections["pemilu-2024"].GetAsync())!;

        var byAccept = client.V1.Elections["pemilu-2024"].Stages.ToGetRequestInformation(c => c.Headers.Add("Accept", "text/csv"));
        await using var csv = (await adapter.SendPrimitiveAsync<Stream>(byAccept))!;
        var rows = ReadCsv(csv);
        Assert.Equal(election.StageCount, rows.Count - 1);
        Assert.Contains("id", rows[0]);

        // Kiota asks for JSON by default; a suffix URL refuses (406) an Accept that excludes what it names.
        await using var file = (await client.V1.Elections["pemilu-2024"].StagesWithFormat("csv").GetAsync(c => c.Headers.Add("Accept", "text/csv")))!;
        Assert.Equal(rows.Count, ReadCsv(file).Count);

        await using var regional = (await client.V1.Regions["33.03"].CalendarWithFormat("csv").GetAsync(c => c.Headers.Add("Accept", "text/csv")))!;
        var calendar = (await client.V1.Regions["33.03"].Calendar.GetAsync())!;
        Assert.Equal(calendar.Elections!.Sum(e => e.Stages!.Count), ReadCsv(regional).Count - 1);
    }

    [Fact]
    public async Task Regions_a_region_its_calendar_and_its_badge()
    {
        var raw = await fixture.Client.GetJsonAsync("/v1/regions?parent=33");
        var regions = (await client.V1.Regions.GetAsync(c => c.QueryParameters.Parent = "33"))!;
        Assert.Equal(raw.Strings("code"), regions.Select(r => r.Code));
        Assert.Equal(raw.Strings("kind"), regions.Select(r => Wire.Of(r.Kind)));

        var code = regions.First().Code!;
        var region = (await client.V1.Regions[code].GetAsync())!;
        Assert.Equal("33", region.ParentCode);
        Assert.Null((await client.V1.Regions["33"].GetAsync())!.ParentCode);

        var calendar = (await client.V1.Regions[code].Calendar.GetAsync())!;
        await using var fileStream = (await client.V1.Regions[code].CalendarWithFormat("json").GetAsync())!;
        var file = (await JsonNode.ParseAsync(fileStream))!;
        Assert.Equal(calendar.Elections!.Select(e => e.Election!.Id), file["elections"]!.AsArray().Select(e => (string?)e!["election"]!["id"]));

        await using var badge = (await client.V1.Regions[code].BadgeSvg.GetAsync(c =>
        {
            c.QueryParameters.Date = QuietDay;
            c.QueryParameters.Lang = Kiota.V1.Regions.Item.BadgeSvg.GetLangQueryParameterType.En;
        }))!;
        using var reader = new StreamReader(badge, Encoding.UTF8);
        var svg = await reader.ReadToEndAsync();
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains(region.Name!, svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guidance_in_a_region_reads_arrays_of_kebab_case_enums_and_the_next_change()
    {
        var raw = await fixture.Client.GetJsonAsync("/v1/asn/guidance?date=2024-02-12&region=33.03");
        var guidance = (await client.V1.Asn.Guidance.GetAsync(c =>
        {
            c.QueryParameters.Date = QuietDay;
            c.QueryParameters.Region = "33.03";
        }))!;

        Assert.Equal((string?)raw["region"]!["name"], guidance.Region!.Name);
        Assert.Equal(raw["prohibited"].Strings("id"), guidance.Prohibited!.Select(r => r.Id));
        Assert.Equal(
            raw["prohibited"]!.AsArray().SelectMany(r => r!["electionKinds"].Values()),
            guidance.Prohibited!.SelectMany(r => r.ElectionKinds!.Select(k => Wire.Of(k))));
        Assert.Equal(raw["prohibited"]!.AsArray().Select(r => (string?)r!["sanction"]!["kind"]), guidance.Prohibited!.Select(r => Wire.Of(r.Sanction!.Kind)));
        Assert.Equal((string?)raw["nextChange"]!["date"], Wire.Date(guidance.NextChange!.Date));
        Assert.Equal(raw["nextChange"]!["removed"].Values(), guidance.NextChange.Removed!);
        Assert.Equal(raw["reportTo"].Strings("validTo"), guidance.ReportTo!.Select(a => Wire.Date(a.ValidTo)));
        Assert.Equal(DateTimeOffset.Parse((string)raw["importedAt"]!, CultureInfo.InvariantCulture), guidance.ImportedAt);
    }

    [Fact]
    public async Task Guidance_without_a_region_on_a_date_with_no_next_change_reads_the_nulls()
    {
        var day = await SnapshotFacts.DayWithoutNextChangeAsync(fixture.Client);

        var guidance = (await client.V1.Asn.Guidance.GetAsync(c => c.QueryParameters.Date = new Date(day.Year, day.Month, day.Day)))!;

        Assert.Null(guidance.Region);
        Assert.Null(guidance.NextChange);
        Assert.Equal(day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Wire.Date(guidance.Date));

        var today = (await client.V1.Asn.Guidance.GetAsync(c => c.QueryParameters.Zone = "Asia/Makassar"))!;
        Assert.True(today.DateIsToday);
        Assert.Equal("Asia/Makassar", today.Zone);
    }

    [Fact]
    public async Task Rules_a_rule_check_acts_an_act_check_and_instruments()
    {
        var rawRules = await fixture.Client.GetJsonAsync("/v1/asn/rules");
        var rules = (await client.V1.Asn.Rules.GetAsync())!;
        Assert.Equal(rawRules.Strings("id"), rules.Select(r => r.Id));
        Assert.Equal(rawRules.Strings("kind"), rules.Select(r => Wire.Of(r.Kind)));
        Assert.Equal(rawRules.AsArray().SelectMany(r => r!["electionKinds"].Values()), rules.SelectMany(r => r.ElectionKinds!.Select(k => Wire.Of(k))));
        Assert.Equal(rawRules.AsArray().Select(r => (string?)r!["sanction"]!["kind"]), rules.Select(r => Wire.Of(r.Sanction!.Kind)));

        var rule = rules.First(r => r.Scope == RuleScope.Phase && r.VersionOf is null);
        var check = (await client.V1.Asn.Rules[rule.Id!].GetAsync(c =>
        {
            c.QueryParameters.Date = QuietDay;
            c.QueryParameters.Region = "33.03";
        }))!;
        var rawCheck = await fixture.Client.GetJsonAsync($"/v1/asn/rules/{rule.Id}?date=2024-02-12&region=33.03");
        Assert.Equal((bool)rawCheck["inForce"]!, check.InForce);
        Assert.Equal(rawCheck["because"].Strings("electionId"), check.Because!.Select(b => b.ElectionId));

        var acts = (await client.V1.Asn.Acts.GetAsync(c => c.QueryParameters.Q = "kampanye"))!;
        var rawActs = await fixture.Client.GetJsonAsync("/v1/asn/acts?q=kampanye");
        Assert.NotEmpty(acts);
        Assert.Equal(rawActs.Strings("id"), acts.Select(a => a.Id));
        foreach (var act in acts)
        {
            var verdict = (await client.V1.Asn.Acts[act.Id!].GetAsync(c =>
            {
                c.QueryParameters.Date = QuietDay;
                c.QueryParameters.Region = "33.03";
            }))!;
            var rawVerdict = await fixture.Client.GetJsonAsync($"/v1/asn/acts/{act.Id}?date=2024-02-12&region=33.03");
            Assert.Equal((string?)rawVerdict["verdict"], Wire.Of(verdict.Verdict));
            Assert.Equal((string?)rawVerdict["until"], Wire.Date(verdict.Until));
            Assert.Equal((string?)rawVerdict["because"]?["scope"], Wire.Of(verdict.Because?.Scope));
        }

        var rawInstruments = await fixture.Client.GetJsonAsync("/v1/asn/instruments");
        var instruments = (await client.V1.Asn.Instruments.GetAsync())!;
        Assert.Equal(rawInstruments.Strings("kind"), instruments.Select(i => Wire.Of(i.Kind)));
        Assert.Equal(rawInstruments.Strings("promulgated"), instruments.Select(i => Wire.Date(i.Promulgated)));
    }

    [Fact]
    public async Task The_calendar_the_changes_and_the_changes_feed()
    {
        var calendar = (await client.V1.Calendar.GetAsync(c => c.QueryParameters.Date = QuietDay))!;
        var raw = await fixture.Client.GetJsonAsync("/v1/calendar?date=2024-02-12");
        Assert.Equal(raw["elections"]!.AsArray().Select(e => (string?)e!["election"]!["id"]), calendar.Elections!.Select(e => e.Election!.Id));
        Assert.Equal((long)raw["revision"]!, calendar.Revision);

        var changes = (await client.V1.Changes.GetAsync(c => c.QueryParameters.Since = 0))!;
        var rawChanges = await fixture.Client.GetJsonAsync("/v1/changes?since=0");
        Assert.Equal(rawChanges["changes"].Strings("contentSha256"), changes.Changes!.Select(c => c.ContentSha256));

        await using var feed = (await client.V1.ChangesAtom.GetAsync())!;
        using var reader = new StreamReader(feed, Encoding.UTF8);
        Assert.Contains("<feed", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_are_typed_exceptions_naming_the_parameter()
    {
        var notFound = await Assert.ThrowsAsync<Problem>(() => client.V1.Elections["pemilu-1900"].Stages.GetAsync());
        Assert.Equal((int)HttpStatusCode.NotFound, notFound.ResponseStatusCode);
        Assert.Equal("id", notFound.Parameter);
        Assert.Equal("/problems/not-found", notFound.Type);

        var invalid = await Assert.ThrowsAsync<Problem>(() => client.V1.Asn.Guidance.GetAsync(c => c.QueryParameters.Region = "33.033"));
        Assert.Equal((int)HttpStatusCode.BadRequest, invalid.ResponseStatusCode);
        Assert.Equal("region", invalid.Parameter);
        Assert.Contains("region", invalid.Errors!.AdditionalData.Keys);
    }

    private static List<string[]> ReadCsv(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(csv.Record!);
        }

        return rows;
    }
}
