using System.Data;
using Dapper;
using ElectionStages.Api.Database;
using ElectionStages.Domain;
using Npgsql;

namespace ElectionStages.Api.Import;

internal sealed record ImportResult(IReadOnlyList<SeedProblem> Problems, long? Revision, bool Changed, int Elections, int Stages, GuidanceData? Guidance = null)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The only writer: validates every seed file first, then replaces the whole calendar in one transaction, bumps the
/// revision and notifies every API instance. Files identical to the last import change nothing. Imports are serialised
/// by a PostgreSQL advisory lock held from before the migrations to the commit: a second import waits for the first,
/// so migrations, role grants and writes never run side by side.
/// </summary>
internal static class SeedImporter
{
    /// <summary>The advisory-lock key every import takes ("ESimport" as a number).</summary>
    public const long LockKey = 0x4553_696d_706f_7274;

    public static async Task<ImportResult> ImportAsync(
        string connectionString, string directory, CancellationToken cancellationToken,
        string readerRole = ReaderRole.DefaultName, string? readerPassword = null)
    {
        var files = SeedFiles.FromDirectory(directory);
        var seed = SeedSet.Read(files);
        if (seed.Problems.Count > 0)
        {
            return new ImportResult(seed.Problems, null, false, 0, 0);
        }

        var hash = files.ContentHash();

        await using var dataSource = DataSourceFactory.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Session-level: released when this connection closes, also if the process dies.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = LockKey }, cancellationToken: cancellationToken));
        Migrator.Apply(connectionString);
        await ReaderRole.EnsureAsync(connection, readerRole, readerPassword, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "LOCK TABLE calendar_revision IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        var current = await connection.QuerySingleOrDefaultAsync<(long Revision, string Sha256)?>(new CommandDefinition(
            "SELECT revision, content_sha256 FROM calendar_revision", transaction: transaction, cancellationToken: cancellationToken));
        if (current is { } unchanged && unchanged.Sha256 == hash)
        {
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult([], unchanged.Revision, false, seed.Elections.Count, seed.Stages.Count, seed.Guidance);
        }

        var previous = (await connection.QueryAsync<SeedFileRow>(new CommandDefinition(
                "SELECT name AS Name, content AS Content FROM seed_file", transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal);
        var changes = SeedDiff.Compare(previous, files);
        await SeedWriter.ReplaceAsync(connection, transaction, seed, cancellationToken);
        var revision = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO calendar_revision (revision, imported_at, content_sha256)
            VALUES (1, now(), @hash)
            ON CONFLICT (singleton) DO UPDATE
                SET revision = calendar_revision.revision + 1, imported_at = now(), content_sha256 = excluded.content_sha256
            RETURNING revision
            """,
            new { hash }, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM seed_file;
            INSERT INTO calendar_change (revision, imported_at, content_sha256, initial, changes)
            SELECT revision, imported_at, content_sha256, @initial, CAST(@changes AS jsonb) FROM calendar_revision
            """,
            new { initial = previous.Count == 0, changes = System.Text.Json.JsonSerializer.Serialize(changes) },
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO seed_file (name, content) VALUES (@Name, @Content)",
            files.Names.Order(StringComparer.Ordinal).Select(name => new SeedFileRow(name, files.Content(name)!)),
            transaction: transaction, cancellationToken: cancellationToken));
        // Delivered to listeners only when the transaction commits.
        await connection.ExecuteAsync(new CommandDefinition(
            $"SELECT pg_notify('{ChangeNotifications.Channel}', @payload)", new { payload = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult([], revision, true, seed.Elections.Count, seed.Stages.Count, seed.Guidance);
    }
}

internal sealed record SeedFileRow(string Name, byte[] Content);
