using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace ElectionStages.Api.Tests.Infrastructure;

/// <summary>
/// The real API host on a real database, connected as the read-only role the import creates (as in production),
/// with a clock the test controls. <paramref name="settings"/> overrides configuration keys.
/// The rate limit is lifted unless a test sets one: in-process clients are one address and loop far faster than the
/// production default (1,000 per 10 s) allows, so only the tests about the limiter should ever meet it.
/// </summary>
public sealed class ApiFactory(string connectionString, Instant now, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public FakeClock Clock { get; } = new(now);

    /// <summary>The connection string the API uses: the database's, with the import's read-only role.</summary>
    public string ReaderConnectionString { get; } = new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
    {
        Username = ElectionStages.Api.Import.ReaderRole.DefaultName,
        Password = null,
    }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Elections", ReaderConnectionString);
        builder.UseSetting("Calendar:PollInterval", "00:00:05");
        builder.UseSetting("Calendar:RetryDelay", "00:00:00.200");
        builder.UseSetting("Logging:LogLevel:ElectionStages.AccessLog", "Warning");
        builder.UseSetting("RateLimiting:PermitLimit", "100000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton<IClock>(Clock);
        });
    }

    /// <summary>
    /// A client of the test server whose every response is checked against <c>openapi/v1.json</c>
    /// (<see cref="ContractCheck"/>): a response the document does not describe fails the request that got it. Otherwise
    /// as the framework's (redirects followed, cookies kept, as <see cref="WebApplicationFactory{TEntryPoint}.ClientOptions"/> say).
    /// </summary>
    public new HttpClient CreateClient() => CreateClient([]);

    /// <summary>The checked client of <see cref="CreateClient()"/>, with <paramref name="outer"/> handlers before the rest.</summary>
    public HttpClient CreateClient(params DelegatingHandler[] outer)
    {
        List<DelegatingHandler> handlers = [.. outer];
        if (ClientOptions.AllowAutoRedirect)
        {
            handlers.Add(new RedirectHandler(ClientOptions.MaxAutomaticRedirections));
        }

        if (ClientOptions.HandleCookies)
        {
            handlers.Add(new CookieContainerHandler());
        }

        handlers.Add(new ContractCheck());
        return CreateDefaultClient(ClientOptions.BaseAddress, [.. handlers]);
    }

    /// <summary>Waits until /health/ready says the snapshot is loaded.</summary>
    public async Task<HttpClient> CreateReadyClientAsync()
    {
        var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return client;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"API not ready after 30 s: {await response.Content.ReadAsStringAsync()}");
            }

            await Task.Delay(50);
        }
    }
}
