using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Domain.Tests;

public class NeutralityGuideTests
{
    private static readonly Election Pemilu = new("pemilu-2024", ElectionKind.Pemilu, new LocalizedText("Pemilu 2024", "General Election 2024"), "Pemilu 2024",
        new LocalDate(2024, 2, 14), "PKPU 3/2022", "src", Confidence.High, null);

    private static readonly Election Pilkada = new("pilkada-2024", ElectionKind.Pilkada, new LocalizedText("Pilkada 2024", "Regional Elections 2024"), "Pilkada 2024",
        new LocalDate(2024, 11, 27), "PKPU 2/2024", "src", Confidence.High, null);

    private static readonly Contest Presidential = Contest(Pemilu.Id, "presidential", new(2022, 6, 14), new(2023, 11, 13),
        Days(new(2023, 11, 28), new(2024, 2, 10)), Days(new(2024, 2, 11), new(2024, 2, 13)), new(2024, 2, 14), new(2024, 10, 20));

    private static readonly Contest Legislative = Presidential with { Id = "legislative", CandidatesDetermined = new LocalDate(2023, 11, 3), CycleEnd = new LocalDate(2024, 10, 1) };

    private static readonly Contest Governor = Contest(Pilkada.Id, "governor", new(2024, 2, 27), new(2024, 9, 22),
        Days(new(2024, 9, 25), new(2024, 11, 23)), Days(new(2024, 11, 24), new(2024, 11, 26)), new(2024, 11, 27), new(2025, 2, 20));

    private static readonly Contest RegentMayor = Governor with { Id = "regent-mayor" };

    private static readonly Region CentralJava = new("33", "Jawa Tengah", RegionKind.Province, null, "Asia/Jakarta", "src");
    private static readonly Region Purbalingga = new("33.03", "Kabupaten Purbalingga", RegionKind.Regency, "33", "Asia/Jakarta", "src");
    private static readonly Region Jakarta = new("31", "DKI Jakarta", RegionKind.Province, null, "Asia/Jakarta", "src");
    private static readonly Region CentralJakarta = new("31.71", "Kota Administrasi Jakarta Pusat", RegionKind.City, "31", "Asia/Jakarta", "src");

    private static readonly NeutralityRule PartyMembership = Rule("no-party-membership", [PhaseIds.Baseline], [ElectionKind.Pemilu, ElectionKind.Pilkada]);
    private static readonly NeutralityRule BakalCalonBanner = Rule("ethics-no-banner-bakal-calon", [PhaseIds.PreCandidacy], [ElectionKind.Pemilu, ElectionKind.Pilkada]);
    private static readonly NeutralityRule CalonBanner = Rule("no-banner-calon", [PhaseIds.CandidatesDetermined, PhaseIds.Campaign, PhaseIds.QuietPeriod, PhaseIds.VotingDay, PhaseIds.PostVoting], [ElectionKind.Pemilu, ElectionKind.Pilkada]);
    private static readonly NeutralityRule CampaignAttributes = Rule("no-campaign-attributes", [PhaseIds.Campaign], [ElectionKind.Pemilu, ElectionKind.Pilkada]);
    private static readonly NeutralityRule PilkadaDecisions = Rule("pilkada-no-partisan-decisions", [PhaseIds.CandidatesDetermined, PhaseIds.Campaign, PhaseIds.QuietPeriod, PhaseIds.VotingDay, PhaseIds.PostVoting], [ElectionKind.Pilkada]);
    private static readonly NeutralityRule MayVote = Rule("may-vote", [PhaseIds.VotingDay], [ElectionKind.Pemilu, ElectionKind.Pilkada], RuleKind.Allowed);

    private static readonly CalendarSnapshot Snapshot = new(1, Instant.FromUtc(2026, 1, 1, 0, 0), [Pemilu, Pilkada], [],
        new GuidanceData(
            [CentralJava, Purbalingga, Jakarta, CentralJakarta],
            [],
            [Presidential, Legislative, Governor, RegentMayor],
            [
                new ElectionRegion(Pilkada.Id, "33", "governor", "src", null),
                new ElectionRegion(Pilkada.Id, "33.03", "regent-mayor", "src", null),
                new ElectionRegion(Pilkada.Id, "31", "governor", "src", null),
            ],
            [PartyMembership, BakalCalonBanner, CalonBanner, CampaignAttributes, PilkadaDecisions, MayVote],
            [],
            [],
            []));

    [Theory]
    [InlineData(2022, 6, 13, null)]
    [InlineData(2022, 6, 14, PhaseIds.PreCandidacy)]
    [InlineData(2023, 11, 12, PhaseIds.PreCandidacy)]
    [InlineData(2023, 11, 13, PhaseIds.CandidatesDetermined)]
    [InlineData(2023, 11, 28, PhaseIds.Campaign)]
    [InlineData(2024, 2, 10, PhaseIds.Campaign)]
    [InlineData(2024, 2, 11, PhaseIds.QuietPeriod)]
    [InlineData(2024, 2, 13, PhaseIds.QuietPeriod)]
    [InlineData(2024, 2, 14, PhaseIds.VotingDay)]
    [InlineData(2024, 2, 15, PhaseIds.PostVoting)]
    [InlineData(2024, 10, 20, PhaseIds.PostVoting)]
    [InlineData(2024, 10, 21, null)]
    public void A_contest_is_in_one_phase_a_day(int year, int month, int day, string? phase) =>
        Assert.Equal(phase, Presidential.PhaseOn(new LocalDate(year, month, day)));

    [Fact]
    public void A_re_vote_with_only_a_voting_day_has_only_that_phase()
    {
        var psu = new Contest("psu", "regent-mayor", new LocalizedText("PSU", "Re-vote"), null, null, null, null, new LocalDate(2025, 3, 22), null, "src", Confidence.Medium, null);

        Assert.Null(psu.PhaseOn(new LocalDate(2025, 3, 21)));
        Assert.Equal(PhaseIds.VotingDay, psu.PhaseOn(new LocalDate(2025, 3, 22)));
        Assert.Null(psu.PhaseOn(new LocalDate(2025, 3, 23)));
    }

    [Fact]
    public void On_5_November_2023_legislative_candidates_are_set_and_presidential_pairs_are_not()
    {
        var answer = NeutralityGuide.Answer(Snapshot, new LocalDate(2023, 11, 5), Purbalingga);

        Assert.Equal(PhaseIds.CandidatesDetermined, answer.Contests.Single(c => c.Contest.Id == "legislative").PhaseId);
        Assert.Equal(PhaseIds.PreCandidacy, answer.Contests.Single(c => c.Contest.Id == "presidential").PhaseId);
        Assert.Contains(answer.Rules, r => r.Rule.Id == BakalCalonBanner.Id);
        Assert.Contains(answer.Rules, r => r.Rule.Id == CalonBanner.Id);
    }

    [Fact]
    public void A_rule_that_holds_always_is_in_force_with_no_election_running()
    {
        var answer = NeutralityGuide.Answer(Snapshot, new LocalDate(2021, 1, 1), Purbalingga);

        Assert.Empty(answer.Contests);
        var rule = Assert.Single(answer.Rules);
        Assert.Equal(PartyMembership.Id, rule.Rule.Id);
        Assert.Empty(rule.Because);
        Assert.Equal(new LocalDate(2022, 6, 14), answer.NextChange!.Date);
    }

    [Fact]
    public void A_regional_election_applies_in_its_regions_only_and_a_governor_race_in_every_part_of_its_province()
    {
        var date = new LocalDate(2024, 11, 25);

        Assert.Equal(["governor", "regent-mayor"], Contests(NeutralityGuide.Answer(Snapshot, date, Purbalingga), Pilkada.Id));
        Assert.Equal(["governor"], Contests(NeutralityGuide.Answer(Snapshot, date, CentralJakarta), Pilkada.Id));
        Assert.Empty(Contests(NeutralityGuide.Answer(Snapshot, date, null), Pilkada.Id));
    }

    [Fact]
    public void A_pilkada_only_rule_is_in_force_where_a_pilkada_runs_and_names_it()
    {
        var date = new LocalDate(2024, 11, 25);

        var here = NeutralityGuide.Answer(Snapshot, date, Purbalingga).Rules.Single(r => r.Rule.Id == PilkadaDecisions.Id);
        var nationalOnly = NeutralityGuide.Answer(Snapshot, date, null).Rules;

        Assert.All(here.Because, b => Assert.Equal(Pilkada.Id, b.Election.Id));
        Assert.DoesNotContain(nationalOnly, r => r.Rule.Id == PilkadaDecisions.Id);
    }

    [Fact]
    public void The_next_change_is_the_first_later_date_on_which_the_rules_differ()
    {
        // In the quiet period the next change is voting day, when may-vote comes into force.
        var quiet = NeutralityGuide.Answer(Snapshot, new LocalDate(2024, 2, 12), Purbalingga);
        // Mid-campaign, the quiet period starts on 11 Feb: the campaign-only rule lapses.
        var campaign = NeutralityGuide.Answer(Snapshot, new LocalDate(2024, 1, 5), Purbalingga);

        Assert.Equal(new LocalDate(2024, 2, 14), quiet.NextChange!.Date);
        Assert.Contains(quiet.NextChange.Contests, c => c.PhaseId == PhaseIds.VotingDay);
        Assert.Equal(new LocalDate(2024, 2, 11), campaign.NextChange!.Date);
    }

    [Fact]
    public void With_no_later_boundary_there_is_no_next_change() =>
        Assert.Null(NeutralityGuide.Answer(Snapshot, new LocalDate(2030, 1, 1), Purbalingga).NextChange);

    private static List<string> Contests(GuidanceAnswer answer, string electionId) =>
        [.. answer.Contests.Where(c => c.Election.Id == electionId).Select(c => c.Contest.Id).Order(StringComparer.Ordinal)];

    private static DateInterval Days(LocalDate start, LocalDate end) => new(start, end);

    private static Contest Contest(string electionId, string id, LocalDate cycleStart, LocalDate determined, DateInterval campaign, DateInterval quiet, LocalDate voting, LocalDate cycleEnd) =>
        new(electionId, id, new LocalizedText(id, id), cycleStart, determined, campaign, quiet, voting, cycleEnd, "src", Confidence.Medium, null);

    private static NeutralityRule Rule(string id, string[] phases, ElectionKind[] kinds, RuleKind kind = RuleKind.Prohibited) =>
        new(id, null, kind, Addressee.Asn, new LocalizedText(id, id), phases, kinds, new LocalDate(2014, 1, 15), null,
            kind == RuleKind.Allowed ? SanctionKind.None : SanctionKind.SevereDiscipline, new LocalizedText("sanksi", "sanction"),
            [new LegalReference("uu-20-2023", "Pasal 9")], [], "src", Confidence.High, null);
}

public class ContestPhaseSpanTests
{
    [Fact]
    public void The_phase_spans_agree_with_the_phase_of_every_day_and_leave_no_gap()
    {
        var contest = new Contest("pemilu-2024", "presidential", new LocalizedText("Pilpres", "Presidential"),
            new LocalDate(2022, 6, 14), new LocalDate(2023, 11, 13),
            new DateInterval(new LocalDate(2023, 11, 28), new LocalDate(2024, 2, 10)),
            new DateInterval(new LocalDate(2024, 2, 11), new LocalDate(2024, 2, 13)),
            new LocalDate(2024, 2, 14), new LocalDate(2024, 10, 20), "src", Confidence.Medium, null);

        var spans = contest.PhaseSpans();

        Assert.Equal(
            [PhaseIds.PreCandidacy, PhaseIds.CandidatesDetermined, PhaseIds.Campaign, PhaseIds.QuietPeriod, PhaseIds.VotingDay, PhaseIds.PostVoting],
            spans.Select(s => s.PhaseId));
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.Equal(spans[i - 1].Dates.End.PlusDays(1), spans[i].Dates.Start);
        }

        foreach (var (phase, dates) in spans)
        {
            Assert.All(dates, day => Assert.Equal(phase, contest.PhaseOn(day)));
        }
    }
}

public class ImpliedQuietPeriodTests
{
    [Fact]
    public void Without_a_dated_quiet_stage_the_days_between_campaign_and_voting_are_the_quiet_period()
    {
        // Pilkada 2025 Bangka/Pangkalpinang: campaign to 23 Aug, voting 27 Aug, quiet-period stage undated.
        var contest = new Contest("pilkada-2025-bangka-pangkalpinang", "regent-mayor", new LocalizedText("Pilbup", "Regent"),
            new LocalDate(2025, 1, 22), new LocalDate(2025, 7, 22),
            new DateInterval(new LocalDate(2025, 7, 25), new LocalDate(2025, 8, 23)), null,
            new LocalDate(2025, 8, 27), null, "src", Confidence.Low, null);

        Assert.Equal(PhaseIds.Campaign, contest.PhaseOn(new LocalDate(2025, 8, 23)));
        Assert.Equal(PhaseIds.QuietPeriod, contest.PhaseOn(new LocalDate(2025, 8, 24)));
        Assert.Equal(PhaseIds.QuietPeriod, contest.PhaseOn(new LocalDate(2025, 8, 26)));
        Assert.Equal(PhaseIds.VotingDay, contest.PhaseOn(new LocalDate(2025, 8, 27)));
        Assert.Null(contest.PhaseOn(new LocalDate(2025, 8, 28)));
    }
}
