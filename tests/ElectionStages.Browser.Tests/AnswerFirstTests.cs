using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ElectionStages.Browser.Tests;

/// <summary>The page answers first: on a phone, in the "Bolehkah saya …?" box, in print, and inside another site.</summary>
[Collection(PageCollection.Name)]
public sealed partial class AnswerFirstTests(PageFixture fixture, ITestOutputHelper output)
{
    private const string Purbalingga = "33.03";

    [Fact]
    public async Task On_a_360_by_740_phone_the_phase_until_when_and_the_question_box_are_on_the_first_screen()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");

        foreach (var id in new[] { "#phase", "#valid-until", "#ask-q" })
        {
            var box = await page.Locator(id).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.Y + box.Height <= 740, $"{id} ends at {box.Y + box.Height:F0} px, below the first screen");
        }

        await Expect(page.Locator("#pick-box")).Not.ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#pick-choice")).ToContainTextAsync("Kabupaten Purbalingga");
        await Expect(page.Locator("#timeline svg")).ToBeVisibleAsync();
        var (visible, bytes) = await Weight(page);
        output.WriteLine($"phone 360x740, first load: answer visible after {visible:F0} ms; page weight {bytes / 1024.0:F1} KiB transferred");
        Assert.InRange(visible, 1, 5000);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        var target = Path.Combine(PageTests.RepositoryRoot(), "docs", "phone.png");
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1" || !File.Exists(target))
        {
            await File.WriteAllBytesAsync(target, png);
            output.WriteLine($"wrote {target}");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Asking_about_sharing_a_post_answers_Dilarang_with_a_sanction_and_the_legal_basis()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await page.Locator("#ask-q").FillAsync("bagikan unggahan");
        var first = page.Locator("#ask-results button").First;
        await Expect(first).ToContainTextAsync("membagikan");
        await first.ClickAsync();

        var verdict = page.Locator("#verdict");
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "prohibited");
        await Expect(verdict).ToContainTextAsync("Dilarang");
        await Expect(verdict).ToContainTextAsync("sampai");
        await Expect(page.Locator("#ask-verdict")).ToContainTextAsync("Hukuman disiplin berat");
        await Expect(page.Locator("#ask-verdict .verdict-basis li").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_first_prohibition_listed_is_a_phase_rule_and_the_always_rules_are_folded()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        var api = await fixture.GetJsonAsync($"/v1/asn/guidance?region={Purbalingga}&date=2024-02-12");
        var scopes = api["prohibited"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => (string)r!["scope"]!);

        var first = await page.Locator("#answer .rule").First.GetAttributeAsync("data-rule");
        Assert.Equal("phase", scopes[first!]);
        await Expect(page.Locator("#always-box")).Not.ToHaveAttributeAsync("open", "");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_allowed_exception_is_shown_beside_the_prohibition_it_qualifies()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-01-10");
        var api = await fixture.GetJsonAsync($"/v1/asn/guidance?region={Purbalingga}&date=2024-01-10");
        var passive = api["allowed"]!.AsArray().Single(r => (string?)r!["id"] == "may-attend-campaign-passively")!;

        var participation = page.Locator("#answer li.rule[data-rule='no-campaign-participation']");
        await Expect(participation.Locator("p.exception")).ToContainTextAsync((string)passive["text"]!["id"]!);
        await Expect(page.Locator("#allowed li.rule[data-rule='may-attend-campaign-passively'] p.exception")).ToContainTextAsync("Pengecualian atas:");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_every_detail_opened_the_Indonesian_answer_has_no_English_sentence()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        await page.EvaluateAsync("() => document.querySelectorAll('#answer details').forEach(d => d.open = true)");

        // Every text of the answer outside an element marked lang="en" (the sources, quoted as they are).
        var texts = await page.EvaluateAsync<string[]>("""
            () => {
              const out = [];
              const walk = document.createTreeWalker(document.querySelector('#answer'), NodeFilter.SHOW_TEXT);
              for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                const el = n.parentElement;
                if (el.closest('[lang]:not([lang="id"])') || el.closest('svg')) { continue; }
                if (n.textContent.trim()) { out.push(n.textContent.trim()); }
              }
              return out;
            }
            """);
        Assert.NotEmpty(texts);
        var english = texts.Where(t => EnglishSentence().IsMatch(t)).ToList();
        Assert.True(english.Count == 0, "English in the Indonesian answer:\n" + string.Join("\n", english.Take(10)));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_Pangkal_Pinang_on_25_August_2025_the_quiet_period_is_drawn_and_marked_running_as_the_answer_says()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync("/?region=19.71&date=2025-08-25");
        await Expect(page.Locator("#phase")).ToContainTextAsync("Masa tenang");

        var quiet = page.Locator("#timeline g.stage[data-stage='pilkada-2025-bangka-pangkalpinang/masa-tenang'] rect");
        await Expect(quiet).ToHaveClassAsync(new Regex(@"\bbar-quiet\b.*\bbar-now\b"));
        var box = await quiet.BoundingBoxAsync();
        Assert.True(box!.Width >= 8, $"the quiet-period bar is {box.Width:F1} px wide");

        // Labels are never cut: no label ends in an ellipsis, and each fits the drawing.
        var labels = await page.Locator("#timeline .stage-label").AllTextContentsAsync();
        Assert.DoesNotContain(labels, l => l.EndsWith('…'));
        var width = await page.Locator("#timeline svg").EvaluateAsync<double>("s => s.getBoundingClientRect().width");
        var widest = await page.Locator("#timeline .stage-label tspan").EvaluateAllAsync<double>("ts => Math.max(...ts.map(t => t.getComputedTextLength() + t.x.baseVal[0].value))");
        Assert.True(widest <= width, $"a label line is {widest:F0} px in a {width:F0} px drawing");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_a_region_the_page_draws_the_national_timeline()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/?date=2024-02-12");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        await Expect(page.Locator("#timeline g.stage[data-stage='pemilu-2024/masa-tenang'] rect")).ToHaveClassAsync(new Regex(@"\bbar-now\b"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Printing_the_page_for_a_region_gives_one_A4_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("#print-sheet")).ToContainTextAsync("Masa tenang");
        await Expect(page.Locator("#print-sheet")).ToContainTextAsync("Kabupaten Purbalingga");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        var pages = PdfPage().Count(System.Text.Encoding.Latin1.GetString(pdf));
        output.WriteLine($"print: {pdf.Length} bytes, {pages} page(s)");
        Assert.Equal(1, pages);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_embed_renders_inside_an_iframe_of_a_page_on_another_origin()
    {
        var page = await fixture.NewPageAsync();
        var src = new Uri(fixture.BaseAddress, $"/embed?region={Purbalingga}&date=2024-02-12");
        // A district site on another origin of this machine, served for real (Chromium refuses a made-up public page
        // framing a loopback one): another port under the name localhost, where the API is 127.0.0.1.
        using var site = new System.Net.HttpListener();
        var port = FreePort();
        site.Prefixes.Add($"http://localhost:{port}/");
        site.Start();
        var html = System.Text.Encoding.UTF8.GetBytes(
            $"<!doctype html><title>Kabupaten</title><h1>Situs kabupaten</h1><iframe id=es src=\"{src}\" width=320 height=160></iframe>");
        var serving = Task.Run(async () =>
        {
            var context = await site.GetContextAsync();
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(html);
            context.Response.Close();
        });
        await page.GotoAsync($"http://localhost:{port}/netralitas");
        await serving;

        var frame = page.FrameLocator("#es");
        await Expect(frame.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await Expect(frame.Locator("#until")).ToContainTextAsync("13 Februari 2024");
        await Expect(frame.Locator("a")).ToHaveAttributeAsync("href", $"/?region={Purbalingga}&date=2024-02-12");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_badge_opens_in_Chromium_as_an_SVG_image_with_the_phase()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync($"/v1/regions/{Purbalingga}/badge.svg?date=2024-02-12");

        Assert.Equal("image/svg+xml; charset=utf-8", response!.Headers["content-type"]);
        Assert.Equal("svg", await page.EvaluateAsync<string>("() => document.documentElement.localName"));
        Assert.Equal("quiet-period", await page.EvaluateAsync<string>("() => document.documentElement.dataset.phase"));
        Assert.Contains("Masa tenang", await page.EvaluateAsync<string>("() => document.documentElement.textContent"), StringComparison.Ordinal);
        var width = await page.EvaluateAsync<double>("() => document.documentElement.getBBox().width");
        Assert.True(width > 100, $"the badge is {width} px wide");
        var overflow = await page.EvaluateAsync<double>(
            "() => { const t = document.querySelectorAll('text')[1], r = document.querySelectorAll('rect')[1]; return t.getComputedTextLength() + t.x.baseVal[0].value - (r.x.baseVal.value + r.width.baseVal.value); }");
        Assert.True(overflow <= 0, $"the badge's text runs {overflow:F0} px past its box");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_offers_the_embed_and_badge_snippets_and_shows_the_data_date()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-02-12");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");

        await Expect(page.Locator("#embed-code")).ToHaveValueAsync(new Regex(@"<iframe src=""http://[^""]+/embed\?region=33\.03"""));
        await Expect(page.Locator("#badge-code")).ToHaveValueAsync(new Regex(@"/v1/regions/33\.03/badge\.svg"));
        await Expect(page.Locator("#data-updated")).ToHaveTextAsync(new Regex(@"^Data diperbarui \d{1,2} [A-Za-z]+ \d{4}\.$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typing_a_date_asks_once_and_the_answer_takes_the_focus()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/?region={Purbalingga}&date=2024-01-10");
        await Expect(page.Locator("#answer")).ToHaveAttributeAsync("data-state", "ready");
        var asked = 0;
        page.Request += (_, request) => { if (request.Url.Contains("/v1/asn/guidance", StringComparison.Ordinal)) { asked++; } };
        await page.Locator("#pick-summary").ClickAsync();

        // A date typed part by part fires a change per completed part; only the last one is asked for.
        foreach (var partial in new[] { "2024-02-01", "2024-02-10", "2024-02-12" })
        {
            await page.Locator("#date").FillAsync(partial);
            await page.Locator("#date").DispatchEventAsync("change");
            await page.WaitForTimeoutAsync(100);
        }

        await Expect(page).ToHaveURLAsync(new Regex(@"date=2024-02-12"));
        await Expect(page.Locator("#phase")).ToHaveTextAsync("Masa tenang");
        await page.WaitForTimeoutAsync(800);

        Assert.Equal(1, asked);
        await Expect(page.Locator("#phase-card")).ToBeFocusedAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync(new Regex("^Masa tenang\\. Berlaku sampai 13 Februari 2024$"));
        await page.Context.CloseAsync();
    }

    /// <summary>When the answer became visible, and the bytes the first load transferred (document, script, style, API).</summary>
    internal static async Task<(double VisibleMs, long Bytes)> Weight(IPage page)
    {
        var visible = await page.EvaluateAsync<double>("() => performance.getEntriesByName('answer-visible')[0].startTime");
        var bytes = await page.EvaluateAsync<long>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((n, e) => n + (e.transferSize || e.encodedBodySize || 0), 0)");
        return (visible, bytes);
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Words no Indonesian sentence has; an English sentence has some.</summary>
    [GeneratedRegex(@"\b(the|and|of|is|are|must|with|which|this|not|from|until|when)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishSentence();

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
