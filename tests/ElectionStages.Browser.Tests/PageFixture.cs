using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ElectionStages.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ElectionStages.Browser.Tests;

/// <summary>
/// The seeded database of the API tests, the real API on a real Kestrel port (its clock at 12 Feb 2024, 10:00 WIB),
/// and Debian's Chromium driven by Playwright. Without Chromium or PostgreSQL the tests fail; they are never skipped.
/// </summary>
public sealed class PageFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SeededApiFixture seeded = new();
    private ApiFactory? Factory { get; set; }
    private IPlaywright? playwright;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Talks to the same server as the browser, for the API's own answers.</summary>
    public HttpClient Api { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath) && Environment.UserName == "root")
        {
            // As scripts/run does for PostgreSQL: on a fresh machine, plain `dotnet test` installs what it needs.
            await InstallChromiumAsync();
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}: install Debian's 'chromium' package (apt-get install -y chromium).");
        }

        await seeded.InitializeAsync();
        var port = FreePort();
        Factory = new ApiFactory(seeded.ConnectionString, SeededApiFixture.DefaultNow);
        Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Factory.ClientOptions.BaseAddress = BaseAddress;
        Api = await Factory.CreateReadyClientAsync();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (empty localStorage) and page; Indonesian locale, Jakarta time.</summary>
    public async Task<IPage> NewPageAsync(int width = 1000, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        context.SetDefaultTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async Task<JsonNode> GetJsonAsync(string url)
    {
        using var response = await Api.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"GET {url}: empty body");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Api?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await seeded.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task InstallChromiumAsync()
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null" },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing Debian's chromium failed ({process.ExitCode}): {error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<PageFixture>
{
    public const string Name = "page";
}
