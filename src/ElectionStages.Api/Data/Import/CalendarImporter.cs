using System.Data;
using System.Security.Cryptography;
using Dapper;
using ElectionStages.Domain;
using Npgsql;

namespace ElectionStages.Api.Data.Import;

internal sealed record ImportResult(IReadOnlyList<SeedProblem> Problems, long? Revision, bool Changed, int Elections, int Stages, GuidanceData? Guidance = null)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The only writer: validates every seed file first, then replaces the whole calendar in one transaction, bumps the
/// revision and notifies every API instance. Files identical to the last import change nothing.
/// </summary>
internal static class CalendarImporter
{
    public const string ChannelName = "calendar_changed";

    public static async Task<ImportResult> ImportAsync(
        string connectionString, string directory, CancellationToken cancellationToken,
        string readerRole = ReaderRole.DefaultName, string? readerPassword = null)
    {
        // Hashed before parsing: if a file changes in between, the next import sees a new hash and loads it.
        var hash = Directory.Exists(directory) ? ContentHash(directory) : string.Empty;
        var seed = SeedSet.Read(directory);
        if (seed.Problems.Count > 0)
        {
            return new ImportResult(seed.Problems, null, false, 0, 0);
        }

        Migrator.Apply(connectionString);
        await using var dataSource = DataSourceFactory.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
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

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM election_region; DELETE FROM contest; DELETE FROM neutrality_rule; DELETE FROM phase; DELETE FROM region; DELETE FROM stage; DELETE FROM election;",
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO election (id, kind, name_id, name_en, voting_day, regulation, source, confidence, note)
            VALUES (@Id, @Kind, @NameId, @NameEn, @VotingDay, @Regulation, @Source, @Confidence, @Note)
            """,
            seed.Elections.Select(e => new
            {
                e.Id,
                Kind = Vocabulary<ElectionKind>.Word(e.Kind),
                NameId = e.Name.Id,
                NameEn = e.Name.En,
                e.VotingDay,
                e.Regulation,
                e.Source,
                Confidence = Vocabulary<Confidence>.Word(e.Confidence),
                e.Note,
            }),
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage (election_id, id, parent_id, ordinal, name_id, name_en, start_date, end_date, rule_text,
                               status, basis, source, source_ref, confidence, note)
            VALUES (@ElectionId, @Id, @ParentId, @Ordinal, @NameId, @NameEn, @StartDate, @EndDate, @RuleText,
                    @Status, @Basis, @Source, @SourceRef, @Confidence, @Note)
            """,
            seed.Stages.Select(s => new
            {
                s.ElectionId,
                s.Id,
                s.ParentId,
                s.Ordinal,
                NameId = s.Name.Id,
                NameEn = s.Name.En,
                StartDate = s.Dates?.Start,
                EndDate = s.Dates?.End,
                s.RuleText,
                Status = Vocabulary<StageStatus>.Word(s.Status),
                Basis = Vocabulary<StageBasis>.Word(s.Basis),
                s.Source,
                s.SourceRef,
                Confidence = Vocabulary<Confidence>.Word(s.Confidence),
                s.Note,
            }),
            transaction: transaction, cancellationToken: cancellationToken));
        await GuidanceWriter.InsertAsync(connection, transaction, seed.Guidance, cancellationToken);
        var revision = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO calendar_revision (revision, imported_at, content_sha256)
            VALUES (1, now(), @hash)
            ON CONFLICT (singleton) DO UPDATE
                SET revision = calendar_revision.revision + 1, imported_at = now(), content_sha256 = excluded.content_sha256
            RETURNING revision
            """,
            new { hash }, transaction: transaction, cancellationToken: cancellationToken));
        // Delivered to listeners only when the transaction commits.
        await connection.ExecuteAsync(new CommandDefinition(
            $"SELECT pg_notify('{ChannelName}', @payload)", new { payload = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult([], revision, true, seed.Elections.Count, seed.Stages.Count, seed.Guidance);
    }

    private static string ContentHash(string directory)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(directory, "*.csv").Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\n"));
            sha.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
