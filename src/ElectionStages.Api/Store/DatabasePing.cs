using ElectionStages.Api.Database;
using Npgsql;

namespace ElectionStages.Api.Store;

/// <summary>
/// Asks the database a trivial question with a deadline, for readiness. Its own unpooled data source with short
/// timeouts: a probe against a frozen server gives up after the deadline, and the attempt it leaves behind ends on its
/// own within seconds instead of holding a pooled connection of the API.
/// </summary>
internal sealed class DatabasePing(IConfiguration configuration) : IAsyncDisposable
{
    private readonly Lazy<NpgsqlDataSource> dataSource = new(() =>
    {
        var connectionString = configuration.GetConnectionString(DataSourceFactory.ConnectionStringName) ?? "";
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3, CommandTimeout = 3 };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    });

    /// <summary>Null when <c>SELECT 1</c> is answered within <paramref name="deadline"/>; else the kind of failure (<see cref="DatabaseProblems"/>).</summary>
    public async Task<string?> FailureAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        try
        {
            await AskAsync(cancellationToken).WaitAsync(deadline, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            return DatabaseProblems.Describe(e);
        }
    }

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.Value.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (dataSource.IsValueCreated)
        {
            await dataSource.Value.DisposeAsync();
        }
    }
}
