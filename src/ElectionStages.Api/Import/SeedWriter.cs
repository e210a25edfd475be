using Dapper;
using ElectionStages.Domain;
using Npgsql;

namespace ElectionStages.Api.Import;

/// <summary>Replaces every calendar table's rows with a validated seed set, inside the import's transaction.</summary>
internal static class SeedWriter
{
    public static async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SeedSet seed, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM expected_election; DELETE FROM act_rule; DELETE FROM act; DELETE FROM authority_channel; DELETE FROM authority_legal_basis;
            DELETE FROM authority; DELETE FROM rule_legal_basis; DELETE FROM neutrality_rule; DELETE FROM instrument;
            DELETE FROM election_region; DELETE FROM contest; DELETE FROM phase; DELETE FROM region; DELETE FROM stage;
            DELETE FROM election;
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO election (id, kind, name_id, name_en, short_name, voting_day, regulation, source, confidence, note_id, note_en)
            VALUES (@Id, @Kind, @NameId, @NameEn, @ShortName, @VotingDay, @Regulation, @Source, @Confidence, @NoteId, @NoteEn)
            """,
            seed.Elections.Select(e => new
            {
                e.Id,
                Kind = Vocabulary<ElectionKind>.Word(e.Kind),
                NameId = e.Name.Id,
                NameEn = e.Name.En,
                e.ShortName,
                e.VotingDay,
                e.Regulation,
                e.Source,
                Confidence = Vocabulary<Confidence>.Word(e.Confidence),
                NoteId = e.Note?.Id,
                NoteEn = e.Note?.En,
            }),
            transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stage (election_id, id, parent_id, ordinal, name_id, name_en, start_date, end_date, rule_text_id,
                               rule_text_en, status, basis, source, source_ref, confidence, note_id, note_en)
            VALUES (@ElectionId, @Id, @ParentId, @Ordinal, @NameId, @NameEn, @StartDate, @EndDate, @RuleTextId,
                    @RuleTextEn, @Status, @Basis, @Source, @SourceRef, @Confidence, @NoteId, @NoteEn)
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
                RuleTextId = s.RuleText?.Id,
                RuleTextEn = s.RuleText?.En,
                Status = Vocabulary<StageStatus>.Word(s.Status),
                Basis = Vocabulary<StageBasis>.Word(s.Basis),
                s.Source,
                s.SourceRef,
                Confidence = Vocabulary<Confidence>.Word(s.Confidence),
                NoteId = s.Note?.Id,
                NoteEn = s.Note?.En,
            }),
            transaction: transaction, cancellationToken: cancellationToken));
        Task Execute(string sql, object rows) =>
            connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));

        await Execute(
            "INSERT INTO region (code, name, kind, parent_code, zone, source) VALUES (@Code, @Name, @Kind, @ParentCode, @ZoneId, @Source)",
            seed.Guidance.Regions.Select(r => new { r.Code, r.Name, Kind = Vocabulary<RegionKind>.Word(r.Kind), r.ParentCode, r.ZoneId, r.Source }));
        await Execute(
            """
            INSERT INTO phase (id, ordinal, name_id, name_en, description_id, description_en, source)
            VALUES (@Id, @Ordinal, @NameId, @NameEn, @DescriptionId, @DescriptionEn, @Source)
            """,
            seed.Guidance.Phases.Select(p => new
            {
                p.Id,
                p.Ordinal,
                NameId = p.Name.Id,
                NameEn = p.Name.En,
                DescriptionId = p.Description.Id,
                DescriptionEn = p.Description.En,
                p.Source,
            }));
        await Execute(
            """
            INSERT INTO contest (election_id, id, name_id, name_en, cycle_start, candidates_determined, campaign_start,
                                 campaign_end, quiet_start, quiet_end, voting_day, cycle_end, source, confidence, note_id,
                                 note_en)
            VALUES (@ElectionId, @Id, @NameId, @NameEn, @CycleStart, @CandidatesDetermined, @CampaignStart, @CampaignEnd,
                    @QuietStart, @QuietEnd, @VotingDay, @CycleEnd, @Source, @Confidence, @NoteId, @NoteEn)
            """,
            seed.Guidance.Contests.Select(c => new
            {
                c.ElectionId,
                c.Id,
                NameId = c.Name.Id,
                NameEn = c.Name.En,
                c.CycleStart,
                c.CandidatesDetermined,
                CampaignStart = c.Campaign?.Start,
                CampaignEnd = c.Campaign?.End,
                QuietStart = c.QuietPeriod?.Start,
                QuietEnd = c.QuietPeriod?.End,
                c.VotingDay,
                c.CycleEnd,
                c.Source,
                Confidence = Vocabulary<Confidence>.Word(c.Confidence),
                NoteId = c.Note?.Id,
                NoteEn = c.Note?.En,
            }));
        await Execute(
            """
            INSERT INTO election_region (election_id, region_code, contest_id, source, note_id, note_en)
            VALUES (@ElectionId, @RegionCode, @ContestId, @Source, @NoteId, @NoteEn)
            """,
            seed.Guidance.ElectionRegions.Select(er => new { er.ElectionId, er.RegionCode, er.ContestId, er.Source, NoteId = er.Note?.Id, NoteEn = er.Note?.En }));
        await WriteLegalTimeAsync(Execute, seed.Guidance);
        await Execute(
            """
            INSERT INTO expected_election (id, kind, name_id, name_en, short_name, window_start, window_end, window_text_id, window_text_en,
                                           legal_instruments, legal_articles, source, confidence, note_id, note_en)
            VALUES (@Id, @Kind, @NameId, @NameEn, @ShortName, @WindowStart, @WindowEnd, @WindowTextId, @WindowTextEn, @LegalInstruments,
                    @LegalArticles, @Source, @Confidence, @NoteId, @NoteEn)
            """,
            seed.Expected.Select(e => new
            {
                e.Id,
                Kind = Vocabulary<ElectionKind>.Word(e.Kind),
                NameId = e.Name.Id,
                NameEn = e.Name.En,
                e.ShortName,
                e.WindowStart,
                e.WindowEnd,
                WindowTextId = e.WindowText.Id,
                WindowTextEn = e.WindowText.En,
                LegalInstruments = e.LegalBasis.Select(b => b.InstrumentId).ToArray(),
                LegalArticles = e.LegalBasis.Select(b => b.Article).ToArray(),
                e.Source,
                Confidence = Vocabulary<Confidence>.Word(e.Confidence),
                NoteId = e.Note?.Id,
                NoteEn = e.Note?.En,
            }));
    }

    private static async Task WriteLegalTimeAsync(Func<string, object, Task> execute, GuidanceData guidance)
    {
        await execute(
            """
            INSERT INTO instrument (id, short_name, title_id, title_en, kind, promulgated, in_force_from, in_force_to, url,
                                    source, confidence, note_id, note_en)
            VALUES (@Id, @ShortName, @TitleId, @TitleEn, @Kind, @Promulgated, @InForceFrom, @InForceTo, @Url, @Source,
                    @Confidence, @NoteId, @NoteEn)
            """,
            guidance.Instruments.Select(i => new
            {
                i.Id,
                i.ShortName,
                TitleId = i.Title.Id,
                TitleEn = i.Title.En,
                Kind = Vocabulary<InstrumentKind>.Word(i.Kind),
                i.Promulgated,
                i.InForceFrom,
                i.InForceTo,
                i.Url,
                i.Source,
                Confidence = Vocabulary<Confidence>.Word(i.Confidence),
                NoteId = i.Note?.Id,
                NoteEn = i.Note?.En,
            }));
        await execute(
            """
            INSERT INTO neutrality_rule (id, version_of, kind, addressee, text_id, text_en, phases, election_kinds,
                                         valid_from, valid_to, sanction_kind, sanction_text_id, sanction_text_en,
                                         exception_to, source, confidence, note_id, note_en)
            VALUES (@Id, @VersionOf, @Kind, @Addressee, @TextId, @TextEn, @Phases, @ElectionKinds, @ValidFrom, @ValidTo,
                    @SanctionKind, @SanctionTextId, @SanctionTextEn, @ExceptionTo, @Source, @Confidence, @NoteId, @NoteEn)
            """,
            guidance.Rules.Select(r => new
            {
                r.Id,
                r.VersionOf,
                Kind = Vocabulary<RuleKind>.Word(r.Kind),
                Addressee = Vocabulary<Addressee>.Word(r.Addressee),
                TextId = r.Text.Id,
                TextEn = r.Text.En,
                Phases = r.Phases.ToArray(),
                ElectionKinds = r.ElectionKinds.Select(Vocabulary<ElectionKind>.Word).ToArray(),
                r.ValidFrom,
                r.ValidTo,
                SanctionKind = Vocabulary<SanctionKind>.Word(r.SanctionKind),
                SanctionTextId = r.SanctionText.Id,
                SanctionTextEn = r.SanctionText.En,
                ExceptionTo = r.ExceptionTo.ToArray(),
                r.Source,
                Confidence = Vocabulary<Confidence>.Word(r.Confidence),
                NoteId = r.Note?.Id,
                NoteEn = r.Note?.En,
            }));
        await execute(
            "INSERT INTO rule_legal_basis (rule_id, position, instrument_id, article) VALUES (@Owner, @Position, @InstrumentId, @Article)",
            guidance.Rules.SelectMany(r => r.LegalBasis.Select((b, i) => new { Owner = r.Id, Position = i + 1, b.InstrumentId, b.Article })));
        await execute(
            """
            INSERT INTO authority (id, name_id, name_en, role_id, role_en, election_kinds, valid_from, valid_to, source,
                                   confidence, note_id, note_en)
            VALUES (@Id, @NameId, @NameEn, @RoleId, @RoleEn, @ElectionKinds, @ValidFrom, @ValidTo, @Source, @Confidence,
                    @NoteId, @NoteEn)
            """,
            guidance.Authorities.Select(a => new
            {
                a.Id,
                NameId = a.Name.Id,
                NameEn = a.Name.En,
                RoleId = a.Role.Id,
                RoleEn = a.Role.En,
                ElectionKinds = a.ElectionKinds.Select(Vocabulary<ElectionKind>.Word).ToArray(),
                a.ValidFrom,
                a.ValidTo,
                a.Source,
                Confidence = Vocabulary<Confidence>.Word(a.Confidence),
                NoteId = a.Note?.Id,
                NoteEn = a.Note?.En,
            }));
        await execute(
            "INSERT INTO authority_channel (authority_id, position, label, url) VALUES (@Owner, @Position, @Label, @Url)",
            guidance.Authorities.SelectMany(a => a.Channels.Select((c, i) => new { Owner = a.Id, Position = i + 1, c.Label, c.Url })));
        await execute(
            "INSERT INTO authority_legal_basis (authority_id, position, instrument_id, article) VALUES (@Owner, @Position, @InstrumentId, @Article)",
            guidance.Authorities.SelectMany(a => a.LegalBasis.Select((b, i) => new { Owner = a.Id, Position = i + 1, b.InstrumentId, b.Article })));
        await execute(
            "INSERT INTO act (id, text_id, text_en, keywords) VALUES (@Id, @TextId, @TextEn, @Keywords)",
            guidance.Acts.Select(a => new { a.Id, TextId = a.Text.Id, TextEn = a.Text.En, Keywords = a.Keywords.ToArray() }));
        await execute(
            "INSERT INTO act_rule (act_id, position, rule_id) VALUES (@Owner, @Position, @RuleId)",
            guidance.Acts.SelectMany(a => a.Rules.Select((r, i) => new { Owner = a.Id, Position = i + 1, RuleId = r })));
    }
}
