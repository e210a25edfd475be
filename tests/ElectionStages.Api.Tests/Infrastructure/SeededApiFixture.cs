using ElectionStages.Api.Import;
using NodaTime;

namespace ElectionStages.Api.Tests.Infrastructure;

/// <summary>One PostgreSQL server for the whole test run, plus a database imported from seed-data/ and an API on it.</summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    /// <summary>"Now" for tests that do not set the clock: 12 Feb 2024, 10:00 WIB, in the quiet period.</summary>
    public static readonly Instant DefaultNow = Instant.FromUtc(2024, 2, 12, 3, 0);

    public PostgresServer Server { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        ConnectionString = await Server.CreateDatabaseAsync("seeded");
        var import = await SeedImporter.ImportAsync(ConnectionString, Repository.SeedData, CancellationToken.None);
        if (!import.Succeeded)
        {
            throw new InvalidOperationException("seed-data/ does not import:\n" + string.Join('\n', import.Problems));
        }

        Factory = new ApiFactory(ConnectionString, DefaultNow);
        Client = await Factory.CreateReadyClientAsync();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<SeededApiFixture>
{
    public const string Name = "database";
}
