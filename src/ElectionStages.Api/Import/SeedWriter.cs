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
                                 campaign_end, quiet_start, quiet_end, voting_day, cycle_end, source, confidence, note)
            VALUES (@ElectionId, @Id, @NameId, @NameEn, @CycleStart, @CandidatesDetermined, @CampaignStart, @CampaignEnd,
                    @QuietStart, @QuietEnd, @VotingDay, @CycleEnd, @Source, @Confidence, @Note)
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
                c.Note,
            }));
        await Execute(
            """
            INSERT INTO election_region (election_id, region_code, contest_id, source, note)
            VALUES (@ElectionId, @RegionCode, @ContestId, @Source, @Note)
            """,
            seed.Guidance.ElectionRegions);
        await Execute(
            """
            INSERT INTO neutrality_rule (id, kind, text_id, text_en, phases, election_kinds, sanction_kind, sanction_text,
                                         legal_basis, source, confidence, note)
            VALUES (@Id, @Kind, @TextId, @TextEn, @Phases, @ElectionKinds, @SanctionKind, @SanctionText, @LegalBasis,
                    @Source, @Confidence, @Note)
            """,
            seed.Guidance.Rules.Select(r => new
            {
                r.Id,
                Kind = Vocabulary<RuleKind>.Word(r.Kind),
                TextId = r.Text.Id,
                TextEn = r.Text.En,
                Phases = r.Phases.ToArray(),
                ElectionKinds = r.ElectionKinds.Select(Vocabulary<ElectionKind>.Word).ToArray(),
                SanctionKind = Vocabulary<SanctionKind>.Word(r.SanctionKind),
                r.SanctionText,
                LegalBasis = r.LegalBasis.ToArray(),
                r.Source,
                Confidence = Vocabulary<Confidence>.Word(r.Confidence),
                r.Note,
            }));
    }
}
