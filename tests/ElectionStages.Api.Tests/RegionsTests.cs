using System.Net;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

[Collection(DatabaseCollection.Name)]
public class RegionsTests(SeededApiFixture fixture)
{
    private static readonly string[] IndonesianZones = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"];

    [Fact]
    public async Task There_are_38_provinces_and_514_regencies_and_cities_each_with_a_zone()
    {
        var regions = (await fixture.Client.GetJsonAsync("/v1/regions")).AsArray();

        Assert.Equal(38, regions.Count(r => r!.Str("kind") == "province"));
        Assert.Equal(514, regions.Count(r => r!.Str("kind") is "regency" or "city"));
        Assert.All(regions, r => Assert.Contains(r!.Str("zone"), IndonesianZones));
    }

    [Fact]
    public async Task A_province_lists_its_regencies_and_cities()
    {
        var central = (await fixture.Client.GetJsonAsync("/v1/regions?parent=33")).AsArray();

        Assert.Equal(35, central.Count);
        Assert.All(central, r => Assert.Equal("33", r!.Str("parentCode")));
        Assert.Contains(central, r => r!.Str("code") == "33.03" && r.Str("name") == "Kabupaten Purbalingga");
    }

    [Theory]
    [InlineData("33.03")]
    [InlineData("3303")]
    public async Task A_regency_is_found_by_its_code_with_or_without_the_dot(string code)
    {
        var region = await fixture.Client.GetJsonAsync($"/v1/regions/{code}");

        Assert.Equal(("33.03", "Kabupaten Purbalingga", "Asia/Jakarta"), (region.Str("code"), region.Str("name"), region.Str("zone")));
    }

    [Theory]
    [InlineData("/v1/regions/99.99", HttpStatusCode.NotFound, "code")]
    [InlineData("/v1/regions/purbalingga", HttpStatusCode.BadRequest, "code")]
    [InlineData("/v1/regions?parent=3", HttpStatusCode.BadRequest, "parent")]
    [InlineData("/v1/regions?parent=99", HttpStatusCode.BadRequest, "parent")]
    [InlineData("/v1/regions/99.99/calendar.ics", HttpStatusCode.NotFound, "code")]
    public async Task Bad_codes_are_problems_naming_the_parameter(string url, HttpStatusCode status, string parameter)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(parameter, problem.Str("parameter"));
    }

    [Fact]
    public async Task A_regions_calendar_holds_the_national_and_its_own_regional_elections()
    {
        var purbalingga = (await fixture.Client.GetJsonAsync("/v1/regions/33.03/calendar"))["elections"]!.AsArray().Select(e => (string?)e!["election"]!["id"]).ToList();
        var jakartaPusat = (await fixture.Client.GetJsonAsync("/v1/regions/31.71/calendar"))["elections"]!.AsArray().Select(e => (string?)e!["election"]!["id"]).ToList();
        var bangka = (await fixture.Client.GetJsonAsync("/v1/regions/19.01/calendar"))["elections"]!.AsArray().Select(e => (string?)e!["election"]!["id"]).ToList();

        Assert.Contains("pemilu-2024", purbalingga);
        Assert.Contains("pilkada-2024", purbalingga);
        Assert.Contains("pilkada-2024", jakartaPusat);
        Assert.Contains("pilkada-2025-bangka-pangkalpinang", bangka);
        Assert.DoesNotContain("pilkada-2025-bangka-pangkalpinang", purbalingga);
    }

    [Fact]
    public async Task A_regions_iCalendar_feed_parses_and_has_unique_stable_UIDs()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/v1/regions/33.03/calendar.ics", UriKind.Relative));
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(calendar.Events, e => e.Uid == "masa-tenang@pemilu-2024");
        Assert.Contains(calendar.Events, e => e.Uid == "masa-tenang@pilkada-2024");
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct().Count());
    }
}
