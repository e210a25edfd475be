using System.Data;
using System.Globalization;
using Dapper;
using ElectionStages.Api.Database;
using ElectionStages.Domain;
using NodaTime;
using Npgsql;

namespace ElectionStages.Api.Store;

/// <summary>Reads the whole calendar from PostgreSQL through Dapper into one snapshot. The API only ever reads.</summary>
internal static class SnapshotLoader
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
            SELECT id AS Id, kind AS Kind, name_id AS NameId, name_en AS NameEn, short_name AS ShortName, voting_day AS VotingDay,
                   regulation AS Regulation, source AS Source, confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM election
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        var stages = await connection.QueryAsync<StageRow>(new CommandDefinition(
            """
            SELECT election_id AS ElectionId, id AS Id, parent_id AS ParentId, ordinal AS Ordinal,
                   name_id AS NameId, name_en AS NameEn, start_date AS StartDate, end_date AS EndDate,
                   rule_text_id AS RuleTextId, rule_text_en AS RuleTextEn, status AS Status, basis AS Basis,
                   source AS Source, source_ref AS SourceRef, confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM stage
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        var guidance = await LoadGuidanceAsync(connection, transaction, cancellationToken);
        var expected = await connection.QueryAsync<ExpectedRow>(new CommandDefinition(
            """
            SELECT id AS Id, kind AS Kind, name_id AS NameId, name_en AS NameEn, short_name AS ShortName, window_start AS WindowStart, window_end AS WindowEnd,
                   window_text_id AS WindowTextId, window_text_en AS WindowTextEn, legal_instruments AS LegalInstruments,
                   legal_articles AS LegalArticles, source AS Source, confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM expected_election ORDER BY id
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        var changes = await connection.QueryAsync<ChangeRow>(new CommandDefinition(
            "SELECT revision AS Revision, imported_at AS ImportedAt, content_sha256 AS ContentSha256, initial AS Initial, changes::text AS Changes FROM calendar_change ORDER BY revision",
            transaction: transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);

        return new CalendarSnapshot(
            revision.Revision,
            revision.ImportedAt,
            elections.Select(e => e.ToDomain()),
            stages.Select(s => s.ToDomain()),
            guidance,
            [.. changes.Select(c => c.ToDomain())],
            [.. expected.Select(e => e.ToDomain())]);
    }

    // A class with setters: Dapper reports text[] columns as System.Array and will not match a string[] constructor parameter.
    private sealed class ExpectedRow
    {
        public string Id { get; init; } = "";
        public string Kind { get; init; } = "";
        public string NameId { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string? ShortName { get; init; }
        public LocalDate? WindowStart { get; init; }
        public LocalDate? WindowEnd { get; init; }
        public string WindowTextId { get; init; } = "";
        public string WindowTextEn { get; init; } = "";
        public string[] LegalInstruments { get; init; } = [];
        public string[] LegalArticles { get; init; } = [];
        public string Source { get; init; } = "";
        public string Confidence { get; init; } = "";
        public string? NoteId { get; init; }
        public string? NoteEn { get; init; }

        public ExpectedElection ToDomain() => new(
            Id, Vocabulary<ElectionKind>.Parse(Kind), new LocalizedText(NameId, NameEn), ShortName ?? NameId, WindowStart, WindowEnd,
            new LocalizedText(WindowTextId, WindowTextEn),
            [.. LegalInstruments.Zip(LegalArticles, (instrument, article) => new LegalReference(instrument, article))],
            Source, Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));
    }

    private sealed record ChangeRow(long Revision, Instant ImportedAt, string ContentSha256, bool Initial, string Changes)
    {
        public DataChange ToDomain() => new(
            Revision, ImportedAt, ContentSha256, Initial, System.Text.Json.JsonSerializer.Deserialize<List<TableChange>>(Changes) ?? []);
    }

    private static async Task<GuidanceData> LoadGuidanceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        CommandDefinition Query(string sql) => new(sql, transaction: transaction, cancellationToken: cancellationToken);
        var regions = await connection.QueryAsync<RegionRow>(Query(
            "SELECT code AS Code, name AS Name, kind AS Kind, parent_code AS ParentCode, zone AS Zone, source AS Source FROM region ORDER BY code"));
        var phases = await connection.QueryAsync<PhaseRow>(Query(
            """
            SELECT id AS Id, ordinal AS Ordinal, name_id AS NameId, name_en AS NameEn, description_id AS DescriptionId,
                   description_en AS DescriptionEn, source AS Source
            FROM phase ORDER BY ordinal
            """));
        var contests = await connection.QueryAsync<ContestRow>(Query(
            """
            SELECT election_id AS ElectionId, id AS Id, name_id AS NameId, name_en AS NameEn, cycle_start AS CycleStart,
                   candidates_determined AS CandidatesDetermined, campaign_start AS CampaignStart, campaign_end AS CampaignEnd,
                   quiet_start AS QuietStart, quiet_end AS QuietEnd, voting_day AS VotingDay, cycle_end AS CycleEnd,
                   source AS Source, confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM contest ORDER BY election_id, id
            """));
        var electionRegions = await connection.QueryAsync<ElectionRegionRow>(Query(
            """
            SELECT election_id AS ElectionId, region_code AS RegionCode, contest_id AS ContestId, source AS Source,
                   note_id AS NoteId, note_en AS NoteEn
            FROM election_region ORDER BY election_id, region_code, contest_id
            """));
        var legalTime = await LegalTimeLoader.LoadAsync(connection, transaction, cancellationToken);
        return new GuidanceData(
            [.. regions.Select(r => r.ToDomain())],
            [.. phases.Select(p => p.ToDomain())],
            [.. contests.Select(c => c.ToDomain())],
            [.. electionRegions.Select(er => er.ToDomain())],
            legalTime.Rules,
            legalTime.Instruments,
            legalTime.Authorities,
            legalTime.Acts);
    }

    private sealed record RegionRow(string Code, string Name, string Kind, string? ParentCode, string Zone, string Source)
    {
        public Region ToDomain() => new(Code, Name, Vocabulary<RegionKind>.Parse(Kind), ParentCode, Zone, Source);
    }

    private sealed record PhaseRow(string Id, int Ordinal, string NameId, string NameEn, string DescriptionId, string DescriptionEn, string Source)
    {
        public Phase ToDomain() => new(Id, Ordinal, new LocalizedText(NameId, NameEn), new LocalizedText(DescriptionId, DescriptionEn), Source);
    }

    private sealed record ContestRow(
        string ElectionId, string Id, string NameId, string NameEn, LocalDate? CycleStart, LocalDate? CandidatesDetermined,
        LocalDate? CampaignStart, LocalDate? CampaignEnd, LocalDate? QuietStart, LocalDate? QuietEnd, LocalDate VotingDay,
        LocalDate? CycleEnd, string Source, string Confidence, string? NoteId, string? NoteEn)
    {
        public Contest ToDomain() => new(
            ElectionId, Id, new LocalizedText(NameId, NameEn), CycleStart, CandidatesDetermined,
            CampaignStart is { } cs && CampaignEnd is { } ce ? new DateInterval(cs, ce) : null,
            QuietStart is { } qs && QuietEnd is { } qe ? new DateInterval(qs, qe) : null,
            VotingDay, CycleEnd, Source, Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));
    }

    private sealed record ElectionRegionRow(string ElectionId, string RegionCode, string ContestId, string Source, string? NoteId, string? NoteEn)
    {
        public ElectionRegion ToDomain() => new(ElectionId, RegionCode, ContestId, Source, Localized.Of(NoteId, NoteEn));
    }

    private static Task<bool> HasSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('calendar_revision') IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));

    private sealed record RevisionRow(long Revision, Instant ImportedAt);

    private sealed record ElectionRow(
        string Id, string Kind, string NameId, string NameEn, string? ShortName, LocalDate VotingDay, string Regulation,
        string Source, string Confidence, string? NoteId, string? NoteEn)
    {
        public Election ToDomain() => new(
            Id, Vocabulary<ElectionKind>.Parse(Kind), new LocalizedText(NameId, NameEn),
            ShortName ?? KindAndYear(), VotingDay, Regulation, Source,
            Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));

        /// <summary>For a row imported before short names existed: "Pilkada 2024", the kind and the voting day's year.</summary>
        private string KindAndYear() =>
            string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(Kind[0])}{Kind[1..]} {VotingDay.Year}");
    }

    private sealed record StageRow(
        string ElectionId, string Id, string? ParentId, int Ordinal, string NameId, string NameEn, LocalDate? StartDate,
        LocalDate? EndDate, string? RuleTextId, string? RuleTextEn, string Status, string Basis, string Source, string SourceRef,
        string Confidence, string? NoteId, string? NoteEn)
    {
        public Stage ToDomain() => new(
            ElectionId, Id, ParentId, Ordinal, new LocalizedText(NameId, NameEn),
            StartDate is { } start && EndDate is { } end ? new DateInterval(start, end) : null,
            Localized.Of(RuleTextId, RuleTextEn), Vocabulary<StageStatus>.Parse(Status), Vocabulary<StageBasis>.Parse(Basis),
            Source, SourceRef, Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));
    }
}
