using System.Data;
using Dapper;
using ElectionStages.Domain;
using NodaTime;
using Npgsql;

namespace ElectionStages.Api.Data;

/// <summary>Reads the calendar from PostgreSQL through Dapper. The API only ever reads.</summary>
internal static class CalendarStore
{
    /// <summary>
    /// The current data revision and when it was imported (a database recreated from scratch starts at revision 1
    /// again, so the revision alone does not identify the data), or null when nothing was ever imported.
    /// </summary>
    public static async Task<(long Revision, Instant ImportedAt)?> ReadRevisionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!await HasSchemaAsync(connection, null, cancellationToken))
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<RevisionRow>(new CommandDefinition(
            "SELECT revision AS Revision, imported_at AS ImportedAt FROM calendar_revision", cancellationToken: cancellationToken));
        return row is null ? null : (row.Revision, row.ImportedAt);
    }

    /// <summary>Loads the whole calendar as one consistent snapshot, or null when nothing was ever imported.</summary>
    public static async Task<CalendarSnapshot?> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        if (!await HasSchemaAsync(connection, transaction, cancellationToken))
        {
            return null;
        }

        var revision = await connection.QuerySingleOrDefaultAsync<RevisionRow>(new CommandDefinition(
            "SELECT revision AS Revision, imported_at AS ImportedAt FROM calendar_revision",
            transaction: transaction, cancellationToken: cancellationToken));
        if (revision is null)
        {
            return null;
        }

        var elections = await connection.QueryAsync<ElectionRow>(new CommandDefinition(
            """
            SELECT id AS Id, kind AS Kind, name_id AS NameId, name_en AS NameEn, voting_day AS VotingDay,
                   regulation AS Regulation, source AS Source, confidence AS Confidence, note AS Note
            FROM election
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        var stages = await connection.QueryAsync<StageRow>(new CommandDefinition(
            """
            SELECT election_id AS ElectionId, id AS Id, parent_id AS ParentId, ordinal AS Ordinal,
                   name_id AS NameId, name_en AS NameEn, start_date AS StartDate, end_date AS EndDate,
                   rule_text AS RuleText, status AS Status, basis AS Basis, source AS Source,
                   source_ref AS SourceRef, confidence AS Confidence, note AS Note
            FROM stage
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);

        return new CalendarSnapshot(
            revision.Revision,
            revision.ImportedAt,
            elections.Select(e => e.ToDomain()),
            stages.Select(s => s.ToDomain()));
    }

    private static Task<bool> HasSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('calendar_revision') IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));

    private sealed record RevisionRow(long Revision, Instant ImportedAt);

    private sealed record ElectionRow(
        string Id, string Kind, string NameId, string NameEn, LocalDate VotingDay, string Regulation, string Source,
        string Confidence, string? Note)
    {
        public Election ToDomain() => new(
            Id, Vocabulary<ElectionKind>.Parse(Kind), new LocalizedText(NameId, NameEn), VotingDay, Regulation, Source,
            Vocabulary<Confidence>.Parse(Confidence), Note);
    }

    private sealed record StageRow(
        string ElectionId, string Id, string? ParentId, int Ordinal, string NameId, string NameEn, LocalDate? StartDate,
        LocalDate? EndDate, string? RuleText, string Status, string Basis, string Source, string SourceRef,
        string Confidence, string? Note)
    {
        public Stage ToDomain() => new(
            ElectionId, Id, ParentId, Ordinal, new LocalizedText(NameId, NameEn),
            StartDate is { } start && EndDate is { } end ? new DateInterval(start, end) : null,
            RuleText, Vocabulary<StageStatus>.Parse(Status), Vocabulary<StageBasis>.Parse(Basis), Source, SourceRef,
            Vocabulary<Confidence>.Parse(Confidence), Note);
    }
}
