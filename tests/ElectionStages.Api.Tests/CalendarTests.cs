using System.Net;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;
using NodaTime;

namespace ElectionStages.Api.Tests;

[Collection(DatabaseCollection.Name)]
public class CalendarTests(SeededApiFixture fixture)
{
    private static List<string> StageIds(JsonNode calendar, string election) =>
        calendar["elections"]!.AsArray()
            .Where(e => (string?)e!["election"]!["id"] == election)
            .SelectMany(e => e!["stages"]!.AsArray().Select(s => s!.Str("id")!))
            .ToList();

    [Fact]
    public async Task On_12_February_2024_the_calendar_names_the_quiet_period()
    {
        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar?date=2024-02-12");

        Assert.Equal("2024-02-12", calendar.Str("date"));
        Assert.Equal("Asia/Jakarta", calendar.Str("zone"));
        Assert.Contains("masa-tenang", StageIds(calendar, "pemilu-2024"));
        Assert.DoesNotContain("kampanye", StageIds(calendar, "pemilu-2024"));
    }

    [Fact]
    public async Task On_voting_day_2024_voting_and_counting_run_and_the_campaign_does_not()
    {
        var ids = StageIds(await fixture.Client.GetJsonAsync("/v1/calendar?date=2024-02-14"), "pemilu-2024");

        Assert.Contains("pemungutan-penghitungan-suara", ids);
        Assert.Contains("pemungutan-suara", ids);
        Assert.Contains("penghitungan-suara", ids);
        Assert.DoesNotContain("masa-tenang", ids);
    }

    [Fact]
    public async Task The_planned_run_off_never_runs_even_on_its_voting_day()
    {
        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar?date=2024-06-26");

        Assert.DoesNotContain("pemungutan-suara-putaran-kedua", StageIds(calendar, "pemilu-2024"));
        Assert.All(calendar["elections"]!.AsArray().SelectMany(e => e!["stages"]!.AsArray()), s => Assert.Equal("scheduled", s!.Str("status")));
    }

    [Fact]
    public async Task A_date_with_no_election_running_has_no_elections()
    {
        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar?date=2016-01-01");

        Assert.Empty(calendar["elections"]!.AsArray());
    }

    [Fact]
    public async Task The_2019_quiet_period_belongs_to_Pemilu_2019_only()
    {
        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar?date=2019-04-15");

        Assert.Contains("masa-tenang", StageIds(calendar, "pemilu-2019"));
        Assert.DoesNotContain("kampanye", StageIds(calendar, "pemilu-2019"));
        Assert.Empty(StageIds(calendar, "pemilu-2024"));
    }

    [Fact]
    public async Task Without_a_date_the_calendar_uses_today_in_Jakarta_and_says_so()
    {
        fixture.Factory.Clock.Reset(Instant.FromUtc(2024, 2, 12, 3, 0));

        var calendar = await fixture.Client.GetJsonAsync("/v1/calendar");

        Assert.Equal(("2024-02-12", "Asia/Jakarta", true), (calendar.Str("date"), calendar.Str("zone"), (bool)calendar["dateIsToday"]!));
        Assert.Contains("masa-tenang", StageIds(calendar, "pemilu-2024"));
    }

    [Fact]
    public async Task At_23_30_WIB_on_10_February_2024_Jayapura_is_already_in_the_quiet_period()
    {
        fixture.Factory.Clock.Reset(Instant.FromUtc(2024, 2, 10, 16, 30));

        var jakarta = await fixture.Client.GetJsonAsync("/v1/calendar");
        var jayapura = await fixture.Client.GetJsonAsync("/v1/calendar?zone=Asia/Jayapura");

        Assert.Equal("2024-02-10", jakarta.Str("date"));
        Assert.Contains("kampanye", StageIds(jakarta, "pemilu-2024"));
        Assert.Equal(("2024-02-11", "Asia/Jayapura"), (jayapura.Str("date"), jayapura.Str("zone")));
        Assert.Contains("masa-tenang", StageIds(jayapura, "pemilu-2024"));
    }

    [Theory]
    [InlineData("/v1/calendar?date=2024-02-30", "date")]
    [InlineData("/v1/calendar?date=2023-02-29", "date")]
    [InlineData("/v1/calendar?date=12-02-2024", "date")]
    [InlineData("/v1/calendar?date=2024-2-12", "date")]
    [InlineData("/v1/calendar?date=", "date")]
    [InlineData("/v1/calendar?date=2024-02-12T10:00", "date")]
    [InlineData("/v1/calendar?date=%27%3B%20DROP%20TABLE%20stage%3B--", "date")]
    [InlineData("/v1/calendar?zone=Asia/Bandung", "zone")]
    [InlineData("/v1/calendar?zone=WIB", "zone")]
    [InlineData("/v1/calendar?zone=", "zone")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/invalid-parameter", problem.Str("type"));
        Assert.Equal(parameter, problem.Str("parameter"));
        Assert.NotEmpty(problem["errors"]![parameter]!.AsArray());
    }

    [Theory]
    [InlineData("/v1/elections/pemilu-2099")]
    [InlineData("/v1/elections/pemilu-2099/stages")]
    [InlineData("/v1/elections/PEMILU-2024")]
    public async Task An_unknown_election_is_a_404_problem_naming_the_id(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("/problems/not-found", "id"), (problem.Str("type"), problem.Str("parameter")));
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
