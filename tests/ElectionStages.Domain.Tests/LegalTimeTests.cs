using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Domain.Tests;

/// <summary>Rules in legal time: versions by date, order by scope and severity, added/removed, notices, and the act verdict.</summary>
public class LegalTimeTests
{
    private static readonly Election Pemilu = new("pemilu-2019", ElectionKind.Pemilu, new LocalizedText("Pemilu 2019", "General Election 2019"), "Pemilu 2019",
        new LocalDate(2019, 4, 17), "PKPU 7/2017", "src", Confidence.High, null);

    private static readonly Election Psu = new("psu", ElectionKind.Pilkada, new LocalizedText("PSU", "Re-vote"), "PSU Pilkada 2024",
        new LocalDate(2025, 8, 6), "MK", "src", Confidence.Medium, null);

    private static readonly Contest Presidential = new(Pemilu.Id, "presidential", new LocalizedText("Pilpres", "Presidential"),
        new LocalDate(2017, 8, 17), new LocalDate(2018, 9, 20), new DateInterval(new LocalDate(2018, 9, 23), new LocalDate(2019, 4, 13)),
        new DateInterval(new LocalDate(2019, 4, 14), new LocalDate(2019, 4, 16)), new LocalDate(2019, 4, 17), new LocalDate(2019, 10, 20),
        "src", Confidence.High, null);

    private static readonly Contest PsuGovernor = new(Psu.Id, "governor", new LocalizedText("Pilgub", "Governor"),
        null, null, null, null, new LocalDate(2025, 8, 6), null, "src", Confidence.Medium, null);

    private static readonly Region Papua = new("91", "Papua", RegionKind.Province, null, "Asia/Jayapura", "src");
    private static readonly Region Jayapura = new("91.71", "Kota Jayapura", RegionKind.City, "91", "Asia/Jayapura", "src");

    // The same prohibition in two versions: PP 53/2010 (moderate) until 2021-08-30, PP 94/2021 (severe) after.
    private static readonly NeutralityRule AttributesNow = Rule("no-campaign-attributes", null, [PhaseIds.Campaign], new(2021, 8, 31), null, SanctionKind.SevereDiscipline, "pp-94-2021");
    private static readonly NeutralityRule AttributesThen = Rule("no-campaign-attributes-pp-53-2010", "no-campaign-attributes", [PhaseIds.Campaign], new(2010, 6, 6), new(2021, 8, 30), SanctionKind.ModerateDiscipline, "pp-53-2010");
    private static readonly NeutralityRule Membership = Rule("no-party-membership", null, [PhaseIds.Baseline], new(2014, 1, 15), null, SanctionKind.Dismissal, "uu-5-2014");
    private static readonly NeutralityRule Passive = Rule("may-attend-campaign-passively", null, [PhaseIds.Campaign], new(2010, 6, 6), null, SanctionKind.None, "pp-53-2010", RuleKind.Allowed) with
    {
        ExceptionTo = ["no-campaign-attributes"],
    };

    private static readonly Authority Kasn = new("kasn", new LocalizedText("KASN", "KASN"), new LocalizedText("mengawasi", "supervises"),
        [ElectionKind.Pemilu, ElectionKind.Pilkada], new LocalDate(2014, 1, 15), new LocalDate(2024, 8, 23), [], [], "src", Confidence.High, null);

    private static readonly Authority Bkn = Kasn with { Id = "bkn", ValidFrom = new LocalDate(2024, 8, 24), ValidTo = null };

    private static readonly Act Rally = new("attend-rally", new LocalizedText("Menghadiri kampanye", "Attending a rally"), ["kampanye"],
        ["may-attend-campaign-passively", "no-campaign-attributes"]);

    private static readonly Act WearAttributes = new("wear-attributes", new LocalizedText("Memakai atribut", "Wearing attributes"), ["atribut"],
        ["no-campaign-attributes"]);

    private static readonly CalendarSnapshot Snapshot = new(1, Instant.FromUtc(2026, 1, 1, 0, 0), [Pemilu, Psu],
        [new Stage(Psu.Id, "putusan-mk", null, 1, new LocalizedText("Putusan MK", "MK ruling"), new DateInterval(new LocalDate(2025, 2, 24), new LocalDate(2025, 2, 24)),
            null, StageStatus.Scheduled, StageBasis.Actual, "src", "ref", Confidence.High, null)],
        new GuidanceData(
            [Papua, Jayapura], [], [Presidential, PsuGovernor], [new ElectionRegion(Psu.Id, "91", "governor", "src", null)],
            [AttributesNow, AttributesThen, Membership, Passive], [], [Kasn, Bkn], [Rally, WearAttributes]));

    [Fact]
    public void A_date_is_answered_with_the_version_in_force_then_and_never_a_later_one()
    {
        var campaign2019 = NeutralityGuide.Answer(Snapshot, new LocalDate(2019, 1, 10), null).Rules.Select(r => r.Rule.Id).ToList();

        Assert.Contains(AttributesThen.Id, campaign2019);
        Assert.DoesNotContain(AttributesNow.Id, campaign2019);
    }

    [Fact]
    public void Before_the_first_modelled_law_the_answer_is_empty_with_a_notice()
    {
        var answer = NeutralityGuide.Answer(Snapshot, new LocalDate(2009, 1, 1), null);

        Assert.Empty(answer.Rules);
        Assert.Contains(answer.Notices, n => n.Code == NoticeCode.NoLawModelled);
        Assert.DoesNotContain(NeutralityGuide.Answer(Snapshot, new LocalDate(2019, 1, 10), null).Notices, n => n.Code == NoticeCode.NoLawModelled);
    }

    [Fact]
    public void Phase_rules_come_first_then_rules_that_hold_always()
    {
        var rules = NeutralityGuide.Answer(Snapshot, new LocalDate(2019, 1, 10), null).Rules;

        Assert.Equal(RuleScope.Phase, rules[0].Rule.Scope);
        Assert.Equal(Membership.Id, rules[^1].Rule.Id);
        Assert.Equal(rules.OrderBy(r => r.Rule.Scope).Select(r => r.Rule.Id), rules.Select(r => r.Rule.Id));
    }

    [Fact]
    public void The_next_change_lists_the_rules_added_and_removed()
    {
        // The campaign ends on 2019-04-13: the campaign rules stop applying on the 14th.
        var next = NeutralityGuide.Answer(Snapshot, new LocalDate(2019, 4, 1), null).NextChange!;

        Assert.Equal(new LocalDate(2019, 4, 14), next.Date);
        Assert.Empty(next.Added);
        Assert.Equal([Passive.Id, AttributesThen.Id], next.Removed);
    }

    [Fact]
    public void The_body_to_report_to_is_the_one_in_charge_on_the_date()
    {
        Assert.Equal(["kasn"], NeutralityGuide.Answer(Snapshot, new LocalDate(2023, 11, 5), null).ReportTo.Select(a => a.Id));
        Assert.Equal(["bkn"], NeutralityGuide.Answer(Snapshot, new LocalDate(2024, 11, 25), null).ReportTo.Select(a => a.Id));
    }

    [Fact]
    public void A_partly_modelled_contest_under_way_here_carries_a_notice_and_elsewhere_does_not()
    {
        var eve = new LocalDate(2025, 8, 5);

        var notice = Assert.Single(NeutralityGuide.Answer(Snapshot, eve, Jayapura).Notices);
        Assert.Equal(NoticeCode.PartialData, notice.Code);
        Assert.Equal(PsuGovernor, notice.Contest);
        Assert.Contains(PhaseIds.Campaign, notice.UnmodelledPhases);
        Assert.Empty(NeutralityGuide.Answer(Snapshot, eve, null).Notices);
        Assert.Empty(NeutralityGuide.Answer(Snapshot, new LocalDate(2025, 9, 1), Jayapura).Notices);
    }

    [Fact]
    public void An_allowed_exception_listed_first_decides_the_act_while_it_is_in_force()
    {
        var answer = NeutralityGuide.Check(Snapshot, Rally, new LocalDate(2019, 1, 10), null);

        Assert.Equal(Verdict.Allowed, answer.Verdict);
        Assert.Equal(Passive.Id, answer.DecidedBy!.Rule.Id);
        Assert.Equal(new LocalDate(2019, 4, 13), answer.Until);
    }

    [Fact]
    public void An_act_is_prohibited_with_the_sanction_of_its_time_until_the_phase_ends()
    {
        var answer = NeutralityGuide.Check(Snapshot, WearAttributes, new LocalDate(2019, 1, 10), null);

        Assert.Equal(Verdict.Prohibited, answer.Verdict);
        Assert.Equal(SanctionKind.ModerateDiscipline, answer.DecidedBy!.Rule.SanctionKind);
        Assert.Equal(new LocalDate(2019, 4, 13), answer.Until);
    }

    [Fact]
    public void Outside_every_phase_that_decides_it_an_act_is_not_regulated_until_the_next_one_starts()
    {
        var answer = NeutralityGuide.Check(Snapshot, WearAttributes, new LocalDate(2018, 9, 1), null);

        Assert.Equal(Verdict.NotRegulated, answer.Verdict);
        Assert.Null(answer.DecidedBy);
        Assert.Equal(new LocalDate(2018, 9, 22), answer.Until);
    }

    private static NeutralityRule Rule(
        string id, string? versionOf, string[] phases, LocalDate from, LocalDate? to, SanctionKind sanction, string instrument, RuleKind kind = RuleKind.Prohibited) =>
        new(id, versionOf, kind, Addressee.Asn, new LocalizedText(id, id), phases, [ElectionKind.Pemilu, ElectionKind.Pilkada], from, to, sanction,
            new LocalizedText("sanksi", "sanction"), [new LegalReference(instrument, "Pasal 1")], [], "src", Confidence.High, null);
}
