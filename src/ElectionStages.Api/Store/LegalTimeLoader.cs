using Dapper;
using ElectionStages.Domain;
using NodaTime;
using Npgsql;

namespace ElectionStages.Api.Store;

/// <summary>A pair of text columns as one text in two languages; both empty is no text.</summary>
internal static class Localized
{
    public static LocalizedText? Of(string? id, string? en) => id is null && en is null ? null : new LocalizedText(id ?? en!, en ?? id!);
}

/// <summary>Reads the instruments, rule versions, authorities and acts (with their ordered child rows) of one snapshot.</summary>
internal static class LegalTimeLoader
{
    public sealed record Tables(
        IReadOnlyList<Instrument> Instruments, IReadOnlyList<NeutralityRule> Rules, IReadOnlyList<Authority> Authorities, IReadOnlyList<Act> Acts);

    public static async Task<Tables> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        CommandDefinition Query(string sql) => new(sql, transaction: transaction, cancellationToken: cancellationToken);
        var instruments = await connection.QueryAsync<InstrumentRow>(Query(
            """
            SELECT id AS Id, short_name AS ShortName, title_id AS TitleId, title_en AS TitleEn, kind AS Kind,
                   promulgated AS Promulgated, in_force_from AS InForceFrom, in_force_to AS InForceTo, url AS Url,
                   source AS Source, confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM instrument ORDER BY in_force_from, id
            """));
        var ruleBasis = await ReferencesAsync(connection, Query("SELECT rule_id AS Owner, instrument_id AS InstrumentId, article AS Article FROM rule_legal_basis ORDER BY rule_id, position"));
        var rules = await connection.QueryAsync<RuleRow>(Query(
            """
            SELECT id AS Id, version_of AS VersionOf, kind AS Kind, addressee AS Addressee, text_id AS TextId, text_en AS TextEn,
                   phases AS Phases, election_kinds AS ElectionKinds, valid_from AS ValidFrom, valid_to AS ValidTo,
                   sanction_kind AS SanctionKind, sanction_text_id AS SanctionTextId, sanction_text_en AS SanctionTextEn,
                   exception_to AS ExceptionTo, source AS Source, confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM neutrality_rule ORDER BY id
            """));
        var authorityBasis = await ReferencesAsync(connection, Query("SELECT authority_id AS Owner, instrument_id AS InstrumentId, article AS Article FROM authority_legal_basis ORDER BY authority_id, position"));
        var channels = (await connection.QueryAsync<ChannelRow>(Query("SELECT authority_id AS Owner, label AS Label, url AS Url FROM authority_channel ORDER BY authority_id, position")))
            .ToLookup(c => c.Owner, c => new Channel(c.Label, c.Url), StringComparer.Ordinal);
        var authorities = await connection.QueryAsync<AuthorityRow>(Query(
            """
            SELECT id AS Id, name_id AS NameId, name_en AS NameEn, role_id AS RoleId, role_en AS RoleEn,
                   election_kinds AS ElectionKinds, valid_from AS ValidFrom, valid_to AS ValidTo, source AS Source,
                   confidence AS Confidence, note_id AS NoteId, note_en AS NoteEn
            FROM authority ORDER BY valid_from, id
            """));
        var actRules = (await connection.QueryAsync<ActRuleRow>(Query("SELECT act_id AS Owner, rule_id AS RuleId FROM act_rule ORDER BY act_id, position")))
            .ToLookup(r => r.Owner, r => r.RuleId, StringComparer.Ordinal);
        var acts = await connection.QueryAsync<ActRow>(Query("SELECT id AS Id, text_id AS TextId, text_en AS TextEn, keywords AS Keywords FROM act ORDER BY id"));

        return new Tables(
            [.. instruments.Select(i => i.ToDomain())],
            [.. rules.Select(r => r.ToDomain(ruleBasis[r.Id]))],
            [.. authorities.Select(a => a.ToDomain(channels[a.Id], authorityBasis[a.Id]))],
            [.. acts.Select(a => new Act(a.Id, new LocalizedText(a.TextId, a.TextEn), a.Keywords, [.. actRules[a.Id]]))]);
    }

    private static async Task<ILookup<string, LegalReference>> ReferencesAsync(NpgsqlConnection connection, CommandDefinition query) =>
        (await connection.QueryAsync<ReferenceRow>(query)).ToLookup(r => r.Owner, r => new LegalReference(r.InstrumentId, r.Article), StringComparer.Ordinal);

    private sealed record ReferenceRow(string Owner, string InstrumentId, string Article);

    private sealed record ChannelRow(string Owner, string Label, string Url);

    private sealed record ActRuleRow(string Owner, string RuleId);

    private sealed record InstrumentRow(
        string Id, string ShortName, string TitleId, string TitleEn, string Kind, LocalDate? Promulgated, LocalDate InForceFrom,
        LocalDate? InForceTo, string? Url, string Source, string Confidence, string? NoteId, string? NoteEn)
    {
        public Instrument ToDomain() => new(
            Id, ShortName, new LocalizedText(TitleId, TitleEn), Vocabulary<InstrumentKind>.Parse(Kind), Promulgated, InForceFrom,
            InForceTo, Url, Source, Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));
    }

    // Classes with setters, not positional records: Dapper reports text[] columns as System.Array and will not match
    // them to a string[] constructor parameter.
    private sealed class RuleRow
    {
        public string Id { get; init; } = "";
        public string? VersionOf { get; init; }
        public string Kind { get; init; } = "";
        public string Addressee { get; init; } = "";
        public string TextId { get; init; } = "";
        public string TextEn { get; init; } = "";
        public string[] Phases { get; init; } = [];
        public string[] ElectionKinds { get; init; } = [];
        public LocalDate ValidFrom { get; init; }
        public LocalDate? ValidTo { get; init; }
        public string SanctionKind { get; init; } = "";
        public string SanctionTextId { get; init; } = "";
        public string SanctionTextEn { get; init; } = "";
        public string[] ExceptionTo { get; init; } = [];
        public string Source { get; init; } = "";
        public string Confidence { get; init; } = "";
        public string? NoteId { get; init; }
        public string? NoteEn { get; init; }

        public NeutralityRule ToDomain(IEnumerable<LegalReference> legalBasis) => new(
            Id, VersionOf, Vocabulary<RuleKind>.Parse(Kind), Vocabulary<Addressee>.Parse(Addressee), new LocalizedText(TextId, TextEn),
            Phases, [.. ElectionKinds.Select(Vocabulary<ElectionKind>.Parse)], ValidFrom, ValidTo,
            Vocabulary<SanctionKind>.Parse(SanctionKind), new LocalizedText(SanctionTextId, SanctionTextEn), [.. legalBasis],
            ExceptionTo, Source, Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));
    }

    private sealed class AuthorityRow
    {
        public string Id { get; init; } = "";
        public string NameId { get; init; } = "";
        public string NameEn { get; init; } = "";
        public string RoleId { get; init; } = "";
        public string RoleEn { get; init; } = "";
        public string[] ElectionKinds { get; init; } = [];
        public LocalDate ValidFrom { get; init; }
        public LocalDate? ValidTo { get; init; }
        public string Source { get; init; } = "";
        public string Confidence { get; init; } = "";
        public string? NoteId { get; init; }
        public string? NoteEn { get; init; }

        public Authority ToDomain(IEnumerable<Channel> channels, IEnumerable<LegalReference> legalBasis) => new(
            Id, new LocalizedText(NameId, NameEn), new LocalizedText(RoleId, RoleEn),
            [.. ElectionKinds.Select(Vocabulary<ElectionKind>.Parse)], ValidFrom, ValidTo, [.. channels], [.. legalBasis], Source,
            Vocabulary<Confidence>.Parse(Confidence), Localized.Of(NoteId, NoteEn));
    }

    private sealed class ActRow
    {
        public string Id { get; init; } = "";
        public string TextId { get; init; } = "";
        public string TextEn { get; init; } = "";
        public string[] Keywords { get; init; } = [];
    }
}
