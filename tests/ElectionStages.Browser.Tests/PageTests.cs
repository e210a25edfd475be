using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ElectionStages.Browser.Tests;

[Collection(PageCollection.Name)]
public sealed class PageTests(PageFixture fixture, ITestOutputHelper output)
{
    private const string Purbalingga = "33.03";

    [Fact]
    public async Task Picking_a_region_and_date_in_the_controls_shows_the_APIs_phase_and_rules()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");

        // The search list first, then the two selects, then the date field: as a user would.
        await page.Locator("#search").FillAsync("Kota Jayapura, Papua");
        await Expect(page.Locator("#answer-region")).ToHaveTextAsync("Kota Jayapura");
        await Expect(page.Locator("#answer .meta")).ToContainTextAsync("WIT");

        // Once a city is chosen the form folds above the answer; one tap opens it again.
        await Expect(page.Locator("#pick-box")).Not.ToHaveAttributeAsync("open", "");
        await page.Locator("#pick-summary").ClickAsync();
        await page.Locator("#province").SelectOptionAsync("33");
        await page.Locator("#regency").SelectOptionAsync(Purbalingga);
        await page.Locator("#date").FillAsync("2024-11-25");
        await page.Locator("#date").DispatchEventAsync("change");
        await Expect(page).ToHaveURLAsync(new Regex(@"\?region=33\.03&date=2024-11-25$"));
        await Expect(page.Locator("#answer-date")).ToContainTextAsync("25 November 2024");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");

        var api = await fixture.GetJsonAsync("/v1/asn/guidance?date=2024-11-25&region=33.03");
        var phases = api["elections"]!.AsArray()
            .SelectMany(e => e!["contests"]!.AsArray())
            .Select(c => (string)c!["phase"]!["name"]!["id"]!)
            .Distinct()
            .ToList();
        Assert.Contains("Masa tenang", phases);
        await Expect(page.Locator("#phase")).ToHaveTextAsync(string.Join(" · ", phases));
        await Expect(page.Locator("#answer-region")).ToHaveTextAsync("Kabupaten Purbalingga");

        // The ASN's own prohibitions of the phase first, those that hold always folded below them, then the allowed acts.
        foreach (var (list, rules) in new[]
                 {
                     ("prohibited", api["prohibited"]!.AsArray().Where(r => (string?)r!["scope"] == "phase").ToList()),
                     ("always", api["prohibited"]!.AsArray().Where(r => (string?)r!["scope"] == "always").ToList()),
                     ("allowed", api["allowed"]!.AsArray().ToList()),
                 })
        {
            Assert.NotEmpty(rules);
            var shownIds = await page.Locator($"#{list} > li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.rule)");
            Assert.Equal(rules.Select(r => (string)r!["id"]!), shownIds);
            var shownTexts = await page.Locator($"#{list} > li summary .rule-text").AllTextContentsAsync();
            Assert.Equal(rules.Select(r => (string)r!["text"]!["id"]!), shownTexts);
        }

        // Each rule opens to its sanction and legal basis.
        var first = api["prohibited"]![0]!;
        await page.Locator("#prohibited > li summary").First.ClickAsync();
        var details = page.Locator("#prohibited > li details").First;
        await Expect(details).ToContainTextAsync((string)first["sanction"]!["text"]!["id"]!);
        await Expect(details).ToContainTextAsync((string)first["legalBasis"]![0]!["article"]!);

        // "Berlaku sampai" is the day before the next change.
        var next = DateOnly.ParseExact((string)api["nextChange"]!["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#valid-until")).ToHaveTextAsync($"Berlaku sampai {IndonesianDate(next.AddDays(-1))}");

        var stages = api["elections"]!.AsArray()
            .SelectMany(e => e!["stages"]!.AsArray().Select(s => $"{e["id"]}/{s!["id"]}"));
        var shownStages = await page.Locator(".stages > li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.stage)");
        Assert.Equal(stages, shownStages);

        await Expect(page.Locator("#notice-main")).ToHaveTextAsync((string)api["notice"]!["id"]!);
        await Expect(page.Locator("#notice-other")).ToHaveTextAsync((string)api["notice"]!["en"]!);
        await Expect(page.Locator("#link-ics")).ToHaveAttributeAsync("href", "/v1/regions/33.03/calendar.ics");
        await Expect(page.Locator("#link-csv")).ToHaveAttributeAsync("href", "/v1/regions/33.03/calendar.csv?bom=true");
        await Expect(page.Locator("#link-xlsx")).ToHaveAttributeAsync("href", "/v1/regions/33.03/calendar.xlsx");
        await Expect(page.Locator("#link-webcal")).ToHaveAttributeAsync("href", $"webcal://{fixture.BaseAddress.Authority}/v1/regions/33.03/calendar.ics");

        // The region is remembered: a new visit without parameters opens on it.
        await page.GotoAsync("/");
        await Expect(page.Locator("#regency")).ToHaveValueAsync(Purbalingga);
        await Expect(page.Locator("#answer-region")).ToHaveTextAsync("Kabupaten Purbalingga");
        await page.Context.CloseAsync();
    }

    /// <summary>What comes next is said in short names ("Pemilu 2029"), not the 150-character full ones.</summary>
    [Fact]
    public async Task Upcoming_elections_are_named_by_their_short_names()
    {
        var api = await fixture.GetJsonAsync("/v1/asn/guidance?date=2026-12-04");
        var upcoming = api["upcoming"]!.AsArray();
        Assert.NotEmpty(upcoming);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/?date=2026-12-04");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");

        var text = await page.Locator("#upcoming").TextContentAsync();
        foreach (var election in upcoming)
        {
            Assert.Contains((string)election!["shortName"]!, text, StringComparison.Ordinal);
            Assert.DoesNotContain((string)election["name"]!["id"]!, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_date_the_page_shows_today_in_the_regions_zone_as_the_API_does()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        var api = await fixture.GetJsonAsync($"/v1/asn/guidance?region={Purbalingga}");
        Assert.True((bool)api["dateIsToday"]!);
        await Expect(page.Locator("#answer-date")).ToContainTextAsync("hari ini");
        await Expect(page.Locator("#answer-date")).ToContainTextAsync(IndonesianDate(DateOnly.ParseExact((string)api["date"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("33.03", "2024-02-12", 1)]
    [InlineData("33.03", "2024-06-01", 2)]
    [InlineData("91.71", "2024-11-27", 1)]
    [InlineData("33", "2030-01-01", 1)]
    public async Task The_timeline_has_one_bar_per_stage_drawn(string region, string date, int elections)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={region}&date={date}");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        if (await page.Locator("#timeline-whole").IsVisibleAsync())
        {
            await page.Locator("#timeline-whole").ClickAsync();
            await Expect(page.Locator("#timeline-whole")).ToHaveAttributeAsync("aria-pressed", "true");
        }

        var calendar = await fixture.GetJsonAsync($"/v1/regions/{region}/calendar");
        var expected = TimelineRule.Bars(calendar, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.NotEmpty(expected);
        Assert.Equal(elections, expected.Select(bar => bar.Split('/')[0]).Distinct().Count());

        var svg = page.Locator("#timeline svg");
        await Expect(svg).ToBeVisibleAsync();
        var bars = await svg.Locator("g.stage").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.stage)");
        Assert.Equal(expected, bars);
        Assert.Equal(expected.Count, await svg.Locator("g.stage rect.bar").CountAsync());
        await Expect(svg.Locator("line.today")).ToHaveAttributeAsync("data-date", date);

        foreach (var quiet in expected.Where(bar => bar.EndsWith("/masa-tenang", StringComparison.Ordinal)))
        {
            await Expect(svg.Locator($"g.stage[data-stage='{quiet}'] rect")).ToHaveClassAsync(new Regex(@"\bbar-quiet\b"));
        }

        foreach (var vote in expected.Where(bar => bar.EndsWith("/pemungutan-suara", StringComparison.Ordinal)))
        {
            await Expect(svg.Locator($"g.stage[data-stage='{vote}'] rect")).ToHaveClassAsync(new Regex(@"\bbar-vote\b"));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_12_February_2024_in_Purbalingga_the_timeline_marks_the_quiet_period_and_voting_day()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        var svg = page.Locator("#timeline svg");
        await Expect(svg.Locator("g.stage[data-stage='pemilu-2024/masa-tenang'] rect")).ToHaveClassAsync("bar bar-quiet bar-now");
        await Expect(svg.Locator("g.stage[data-stage='pemilu-2024/pemungutan-suara'] rect")).ToHaveClassAsync("bar bar-vote");
        await Expect(svg.Locator("rect.band-quiet")).ToHaveCountAsync(1);
        await Expect(svg.Locator("rect.band-vote")).ToHaveAttributeAsync("data-voting-day", "2024-02-14");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_English_switch_changes_the_language_and_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Apa yang boleh dan tidak boleh bagi ASN hari ini?");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("What may a civil servant (ASN) do today?");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Quiet period");
        await Expect(page.Locator("#valid-until")).ToHaveTextAsync("Valid until 13 February 2024");
        await Expect(page.Locator("label[for=province]")).ToHaveTextAsync("Province");
        await Expect(page.Locator("#notice-main")).ToContainTextAsync("not a legal opinion");
        await Expect(page.Locator("#notice-other")).ToHaveAttributeAsync("lang", "id");
        await Expect(page).ToHaveURLAsync(new Regex("lang=en"));
        var api = await fixture.GetJsonAsync($"/v1/asn/guidance?date=2024-02-12&region={Purbalingga}");
        var firstRule = (string)api["prohibited"]![0]!["text"]!["en"]!;
        await Expect(page.Locator("#prohibited > li summary .rule-text").First).ToHaveTextAsync(firstRule);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ganti ke Bahasa Indonesia" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_invalid_date_in_the_URL_shows_a_clear_message_with_the_APIs_detail()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-30");
        var problem = await fixture.GetJsonAsync($"/v1/asn/guidance?region={Purbalingga}&date=2024-02-30");
        Assert.Equal("date", (string?)problem["parameter"]);

        var message = page.GetByRole(AriaRole.Alert);
        await Expect(message).ToBeVisibleAsync();
        await Expect(message).ToContainTextAsync("Tanggal di alamat halaman tidak valid: \"2024-02-30\"");
        await Expect(message).ToContainTextAsync((string)problem["detail"]!);
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "error");
        await Expect(page.Locator("#date")).ToHaveAttributeAsync("aria-invalid", "true");

        // Picking a valid date recovers.
        await page.Locator("#date").FillAsync("2024-02-12");
        await page.Locator("#date").DispatchEventAsync("change");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await Expect(message).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task When_the_API_cannot_be_reached_the_page_says_so()
    {
        var page = await fixture.NewPageAsync();
        await page.RouteAsync("**/v1/asn/guidance**", route => route.AbortAsync("connectionrefused"));
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Server tidak dapat dihubungi");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "error");

        await page.UnrouteAllAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Coba lagi" }).ClickAsync();
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_region_in_the_URL_shows_the_problem_detail()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/?region=99.99&date=2024-02-12");
        var problem = await fixture.GetJsonAsync("/v1/asn/guidance?region=99.99&date=2024-02-12");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Wilayah \"99.99\" tidak dikenal");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync((string)problem["detail"]!);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_narrow_phone_screen_the_answer_shows_without_horizontal_scrolling()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await page.Locator("#phase").ScrollIntoViewIfNeededAsync();
        await Expect(page.Locator("#phase")).ToBeInViewportAsync();
        await Expect(page.Locator("#timeline svg")).ToBeVisibleAsync();
        await page.Locator("#prohibited > li summary").First.ClickAsync();
        var (scrollWidth, clientWidth) = await Widths(page);
        Assert.True(scrollWidth <= clientWidth, $"scrollWidth {scrollWidth} > clientWidth {clientWidth}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to English" }).ClickAsync();
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Quiet period");
        (scrollWidth, clientWidth) = await Widths(page);
        Assert.True(scrollWidth <= clientWidth, $"English: scrollWidth {scrollWidth} > clientWidth {clientWidth}");
        await page.Context.CloseAsync();

        static async Task<(int, int)> Widths(IPage page)
        {
            var widths = await page.EvaluateAsync<int[]>(
                "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
            return (widths[0], widths[1]);
        }
    }

    [Fact]
    public async Task The_region_picker_is_reachable_by_keyboard_and_labelled()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/?date=2024-11-25");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Locator("#province option")).ToHaveCountAsync(39);

        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Cari kabupaten/kota atau provinsi" });
        var province = page.GetByRole(AriaRole.Combobox, new() { Name = "Provinsi", Exact = true });
        var regency = page.GetByRole(AriaRole.Combobox, new() { Name = "Kabupaten/kota", Exact = true });
        await TabUntil(page, "search");
        await Expect(search).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(province).ToBeFocusedAsync();

        // A closed select takes type-ahead: choose Jawa Tengah, tab on, choose Purbalingga.
        await page.Keyboard.TypeAsync("Jawa Tengah");
        await Expect(page).ToHaveURLAsync(new Regex(@"region=33&"));
        await Expect(regency).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(regency).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Kabupaten Purbalingga");
        await Expect(page).ToHaveURLAsync(new Regex(@"region=33\.03&date=2024-11-25"));
        await Expect(page.Locator("#answer-region")).ToHaveTextAsync("Kabupaten Purbalingga");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await page.Context.CloseAsync();

        static async Task TabUntil(IPage page, string id)
        {
            for (var i = 0; i < 10; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                if (await page.EvaluateAsync<string>("() => document.activeElement.id") == id)
                {
                    return;
                }
            }

            Assert.Fail($"#{id} not reached with Tab");
        }
    }

    [Fact]
    public async Task The_answer_appears_quickly_and_the_screenshot_is_taken()
    {
        var page = await fixture.NewPageAsync(1000, 1500);
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await Expect(page.Locator("#timeline svg")).ToBeVisibleAsync();
        var visibleAfter = await page.EvaluateAsync<double>("() => performance.getEntriesByName('answer-visible')[0].startTime");
        var (_, bytes) = await AnswerFirstTests.Weight(page);
        output.WriteLine($"desktop 1000x1500, first load: answer visible after {visibleAfter:F0} ms; page weight {bytes / 1024.0:F1} KiB transferred");
        Assert.InRange(visibleAfter, 1, 5000);

        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        output.WriteLine($"screenshot: {png.Length} bytes");
        Assert.InRange(png.Length, 10_000, 300_000);
        var target = Path.Combine(RepositoryRoot(), "docs", "screenshot.png");
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1" || !File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, png);
            output.WriteLine($"wrote {target}");
        }

        await page.Context.CloseAsync();
    }

    private static readonly string[] IndonesianMonths =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    /// <summary>"13 Februari 2024", as Intl.DateTimeFormat('id-ID') writes it (the tests run with invariant globalization).</summary>
    private static string IndonesianDate(DateOnly date) => $"{date.Day} {IndonesianMonths[date.Month - 1]} {date.Year}";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElectionStages.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ElectionStages.sln not found above " + AppContext.BaseDirectory);
    }
}
