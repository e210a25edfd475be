using ElectionStages.Api.Database;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ElectionStages.Api.Store;

/// <summary>
/// Keeps the snapshot current: loads it at start, then LISTENs for <c>calendar_changed</c> and also polls the
/// revision now and then. When the database goes away the last snapshot keeps serving and we reconnect.
/// </summary>
internal sealed partial class SnapshotReloader(
    NpgsqlDataSource dataSource,
    SnapshotHolder holder,
    IOptions<ReloadOptions> options,
    StoreMetrics metrics,
    ILogger<SnapshotReloader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is NpgsqlException or TimeoutException or InvalidOperationException or System.IO.IOException)
            {
                holder.DatabaseUnreachable(DatabaseProblems.Describe(e));
                metrics.ReloadFailed();
                LogDatabaseUnreachable(logger, e.Message, holder.Current?.Revision);
                await Task.Delay(options.Value.RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        // A notification that arrives while we are loading is consumed by that query, not by WaitAsync; remember it.
        var notified = false;
        connection.Notification += (_, _) => notified = true;
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotifications.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        holder.DatabaseReachable();

        // Listening before the first load means no import can slip between the two unseen.
        await ReloadIfChangedAsync(connection, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!notified)
            {
                await connection.WaitAsync(options.Value.PollInterval, stoppingToken);
            }

            notified = false;
            await ReloadIfChangedAsync(connection, stoppingToken);
        }
    }

    private async Task ReloadIfChangedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var revision = await SnapshotLoader.ReadRevisionAsync(connection, cancellationToken);
        if (revision is not { } latest || (holder.Current is { } held && held.Revision == latest.Revision && held.ImportedAt == latest.ImportedAt))
        {
            return;
        }

        var snapshot = await SnapshotLoader.LoadAsync(connection, cancellationToken);
        if (snapshot is not null)
        {
            holder.Swap(snapshot);
            metrics.Reloaded();
            LogLoaded(logger, snapshot.Revision, snapshot.Elections.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar revision {Revision} loaded ({Elections} elections)")]
    private static partial void LogLoaded(ILogger logger, long revision, int elections);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unreachable ({Reason}); serving revision {Revision} meanwhile")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string reason, long? revision);
}
