using Dapper;
using ElectionStages.Domain;
using Npgsql;

namespace ElectionStages.Api.Data.Import;

/// <summary>Writes the guidance tables inside the import's transaction.</summary>
internal static class GuidanceWriter
{
    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GuidanceData guidance, CancellationToken cancellationToken)
    {
        Task Execute(string sql, object rows) =>
            connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));

        await Execute(
            "INSERT INTO region (code, name, kind, parent_code, zone, source) VALUES (@Code, @Name, @Kind, @ParentCode, @ZoneId, @Source)",
            guidance.Regions.Select(r => new { r.Code, r.Name, Kind = Vocabulary<RegionKind>.Word(r.Kind), r.ParentCode, r.ZoneId, r.Source }));
        await Execute(
            """
            INSERT INTO phase (id, ordinal, name_id, name_en, description_id, description_en, source)
            VALUES (@Id, @Ordinal, @NameId, @NameEn, @DescriptionId, @DescriptionEn, @Source)
            """,
            guidance.Phases.Select(p => new
            {
                p.Id, p.Ordinal, NameId = p.Name.Id, NameEn = p.Name.En, DescriptionId = p.Description.Id,
                DescriptionEn = p.Description.En, p.Source,
            }));
        await Execute(
            """
            INSERT INTO contest (election_id, id, name_id, name_en, cycle_start, candidates_determined, campaign_start,
                                 campaign_end, quiet_start, quiet_end, voting_day, cycle_end, source, confidence, note)
            VALUES (@ElectionId, @Id, @NameId, @NameEn, @CycleStart, @CandidatesDetermined, @CampaignStart, @CampaignEnd,
                    @QuietStart, @QuietEnd, @VotingDay, @CycleEnd, @Source, @Confidence, @Note)
            """,
            guidance.Contests.Select(c => new
            {
                c.ElectionId, c.Id, NameId = c.Name.Id, NameEn = c.Name.En, c.CycleStart, c.CandidatesDetermined,
                CampaignStart = c.Campaign?.Start, CampaignEnd = c.Campaign?.End, QuietStart = c.QuietPeriod?.Start,
                QuietEnd = c.QuietPeriod?.End, c.VotingDay, c.CycleEnd, c.Source,
                Confidence = Vocabulary<Confidence>.Word(c.Confidence), c.Note,
            }));
        await Execute(
            """
            INSERT INTO election_region (election_id, region_code, contest_id, source, note)
            VALUES (@ElectionId, @RegionCode, @ContestId, @Source, @Note)
            """,
            guidance.ElectionRegions);
        await Execute(
            """
            INSERT INTO neutrality_rule (id, kind, text_id, text_en, phases, election_kinds, sanction_kind, sanction_text,
                                         legal_basis, source, confidence, note)
            VALUES (@Id, @Kind, @TextId, @TextEn, @Phases, @ElectionKinds, @SanctionKind, @SanctionText, @LegalBasis,
                    @Source, @Confidence, @Note)
            """,
            guidance.Rules.Select(r => new
            {
                r.Id, Kind = Vocabulary<RuleKind>.Word(r.Kind), TextId = r.Text.Id, TextEn = r.Text.En,
                Phases = r.Phases.ToArray(), ElectionKinds = r.ElectionKinds.Select(Vocabulary<ElectionKind>.Word).ToArray(),
                SanctionKind = Vocabulary<SanctionKind>.Word(r.SanctionKind), r.SanctionText,
                LegalBasis = r.LegalBasis.ToArray(), r.Source, Confidence = Vocabulary<Confidence>.Word(r.Confidence), r.Note,
            }));
    }
}
