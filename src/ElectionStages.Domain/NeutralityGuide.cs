using NodaTime;

namespace ElectionStages.Domain;

/// <summary>A contest that is in a phase on some date.</summary>
public sealed record ContestPhase(Election Election, Contest Contest, string PhaseId);

/// <summary>A rule in force, and the contest phases that put it in force (none for a rule that holds at all times).</summary>
public sealed record RuleInForce(NeutralityRule Rule, IReadOnlyList<ContestPhase> Because);

/// <summary>
/// The first later date on which the rules in force change, the phases on that date, and the rule ids that start
/// (<see cref="Added"/>) and stop (<see cref="Removed"/>) applying on it.
/// </summary>
public sealed record NextChange(LocalDate Date, IReadOnlyList<ContestPhase> Contests, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

/// <summary>What a notice on an answer is about.</summary>
public enum NoticeCode
{
    /// <summary>The date is before the first day of any modelled law: there is nothing to answer with.</summary>
    NoLawModelled,

    /// <summary>A contest that applies here is under way but only partly modelled (e.g. a re-vote with only its voting day).</summary>
    PartialData,

    /// <summary>No specific rule decides the act that day; that is no permission: the general duties still bind.</summary>
    GeneralDutiesApply,
}

/// <summary>Something the reader must know about how complete an answer is.</summary>
public sealed record GuidanceNotice(NoticeCode Code, Election? Election, Contest? Contest, IReadOnlyList<string> UnmodelledPhases)
{
    /// <summary>The rules the notice is about (the general duties in force, for <see cref="NoticeCode.GeneralDutiesApply"/>).</summary>
    public IReadOnlyList<string> Rules { get; init; } = [];
}

public sealed record GuidanceAnswer(
    LocalDate Date,
    Region? Region,
    IReadOnlyList<ContestPhase> Contests,
    IReadOnlyList<RuleInForce> Rules,
    NextChange? NextChange,
    IReadOnlyList<GuidanceNotice> Notices,
    IReadOnlyList<Authority> ReportTo);

/// <summary>The answer to "may an ASN do this act, then and there?".</summary>
public enum Verdict
{
    /// <summary>A rule in force forbids the act.</summary>
    Prohibited,

    /// <summary>A rule in force allows the act.</summary>
    Allowed,

    /// <summary>No modelled rule decides the act that day; that is no permission: the general duties still bind.</summary>
    NotRegulated,
}

/// <summary>
/// The yes/no for one act: the verdict, the rule version that decides it (null when none is in force), and the last
/// day the verdict holds (null when nothing modelled ends it).
/// </summary>
public sealed record ActAnswer(Act Act, LocalDate Date, Verdict Verdict, RuleInForce? DecidedBy, LocalDate? Until, IReadOnlyList<GuidanceNotice> Notices);

/// <summary>
/// "What may an ASN say today?": the rules in force on the date (their legal basis was the law then) that hold at all
/// times or are put in force by the phase of a contest that applies to the region. The general election (pemilu)
/// applies everywhere; a regional election only where its contests are held (a governor race in every regency/city of
/// its province). Without a region only national contests apply.
/// </summary>
public static class NeutralityGuide
{
    public static GuidanceAnswer Answer(CalendarSnapshot snapshot, LocalDate date, Region? region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var contests = ContestsFor(snapshot, region);
        var phases = PhasesOn(contests, date);
        var rules = RulesInForce(snapshot.Guidance.Rules, phases, date);
        return new GuidanceAnswer(
            date,
            region,
            phases,
            rules,
            FindNextChange(snapshot.Guidance.Rules, contests, date, rules),
            NoticesFor(snapshot, contests, date),
            ReportTo(snapshot, phases, date));
    }

    /// <summary>The verdict on one act on <paramref name="date"/> in <paramref name="region"/>, and until when it holds.</summary>
    public static ActAnswer Check(CalendarSnapshot snapshot, Act act, LocalDate date, Region? region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(act);
        var contests = ContestsFor(snapshot, region);
        var inForce = RulesInForce(snapshot.Guidance.Rules, PhasesOn(contests, date), date);
        var (verdict, decidedBy) = Decide(act, inForce);
        LocalDate? until = null;
        foreach (var candidate in ChangeDates(snapshot.Guidance.Rules, contests, date))
        {
            var (next, nextRule) = Decide(act, RulesInForce(snapshot.Guidance.Rules, PhasesOn(contests, candidate), candidate));
            if (next != verdict || nextRule?.Rule.Id != decidedBy?.Rule.Id)
            {
                until = candidate.PlusDays(-1);
                break;
            }
        }

        var notices = NoticesFor(snapshot, contests, date).ToList();
        var duties = inForce.Where(r => r.Rule is { Kind: RuleKind.Duty, Addressee: Addressee.Asn, HoldsAlways: true }).Select(r => r.Rule.Id).ToList();
        if (verdict == Verdict.NotRegulated && duties.Count > 0)
        {
            notices.Add(new GuidanceNotice(NoticeCode.GeneralDutiesApply, null, null, []) { Rules = duties });
        }

        return new ActAnswer(act, date, verdict, decidedBy, until, notices);
    }

    /// <summary>
    /// The first family of the act with an ASN rule in force decides (a duty decides "prohibited": failing it is the
    /// breach); none in force means the act is not regulated then.
    /// </summary>
    private static (Verdict Verdict, RuleInForce? DecidedBy) Decide(Act act, IReadOnlyList<RuleInForce> rules)
    {
        foreach (var family in act.Rules)
        {
            var deciding = rules.FirstOrDefault(r =>
                r.Rule.Family == family && r.Rule.Addressee == Addressee.Asn && r.Rule.Kind is RuleKind.Prohibited or RuleKind.Allowed or RuleKind.Duty);
            if (deciding is not null)
            {
                return (deciding.Rule.Kind == RuleKind.Allowed ? Verdict.Allowed : Verdict.Prohibited, deciding);
            }
        }

        return (Verdict.NotRegulated, null);
    }

    /// <summary>The contests that concern someone in <paramref name="region"/> (or only the national ones without a region).</summary>
    public static IReadOnlyList<(Election Election, Contest Contest)> ContestsFor(CalendarSnapshot snapshot, Region? region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var codes = region is null
            ? []
            : snapshot.SelfAndAncestors(region).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var heldHere = snapshot.Guidance.ElectionRegions
            .Where(er => codes.Contains(er.RegionCode))
            .Select(er => (er.ElectionId, er.ContestId))
            .ToHashSet();
        return
        [
            .. snapshot.Guidance.Contests
                .Select(contest => (Election: snapshot.FindElection(contest.ElectionId)!, Contest: contest))
                .Where(c => c.Election.Kind == ElectionKind.Pemilu || heldHere.Contains((c.Election.Id, c.Contest.Id)))
                .OrderBy(c => c.Election.VotingDay)
                .ThenBy(c => c.Election.Id, StringComparer.Ordinal)
                .ThenBy(c => c.Contest.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>Every election that concerns someone in <paramref name="region"/>: the general elections, and the regional ones held there.</summary>
    public static IReadOnlyList<Election> ElectionsFor(CalendarSnapshot snapshot, Region region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var codes = snapshot.SelfAndAncestors(region).Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var regional = snapshot.Guidance.ElectionRegions.Where(er => codes.Contains(er.RegionCode)).Select(er => er.ElectionId).ToHashSet(StringComparer.Ordinal);
        return [.. snapshot.Elections.Where(e => e.Kind == ElectionKind.Pemilu || regional.Contains(e.Id))];
    }

    public static IReadOnlyList<ContestPhase> PhasesOn(IEnumerable<(Election Election, Contest Contest)> contests, LocalDate date) =>
        [.. contests
            .Select(c => (c.Election, c.Contest, Phase: c.Contest.PhaseOn(date)))
            .Where(c => c.Phase is not null)
            .Select(c => new ContestPhase(c.Election, c.Contest, c.Phase!))];

    /// <summary>
    /// The rule versions in force on <paramref name="date"/>: their legal basis was the law then, and they hold at all
    /// times or a contest's phase puts them in force. Phase rules come first, each group by severity, then by id.
    /// </summary>
    public static IReadOnlyList<RuleInForce> RulesInForce(IEnumerable<NeutralityRule> rules, IReadOnlyList<ContestPhase> phases, LocalDate date) =>
        [.. rules
            .Where(rule => rule.InForceOn(date))
            .Select(rule => new RuleInForce(rule, [.. phases.Where(p => Triggers(rule, p))]))
            .Where(r => r.Rule.HoldsAlways || r.Because.Count > 0)
            .OrderBy(r => r.Rule.Scope)
            .ThenBy(r => NeutralityRule.Severity(r.Rule.SanctionKind))
            .ThenBy(r => r.Rule.Id, StringComparer.Ordinal)];

    private static bool Triggers(NeutralityRule rule, ContestPhase phase) =>
        rule.Phases.Contains(phase.PhaseId) && rule.ElectionKinds.Contains(phase.Election.Kind);

    /// <summary>Every later date on which a contest changes phase or a rule version starts or ends, in order.</summary>
    private static IEnumerable<LocalDate> ChangeDates(
        IReadOnlyList<NeutralityRule> rules, IReadOnlyList<(Election Election, Contest Contest)> contests, LocalDate date) =>
        contests.SelectMany(c => c.Contest.ChangeDates())
            .Concat(rules.Select(r => r.ValidFrom))
            .Concat(rules.Where(r => r.ValidTo is not null).Select(r => r.ValidTo!.Value.PlusDays(1)))
            .Where(d => d > date)
            .Distinct()
            .Order();

    private static NextChange? FindNextChange(
        IReadOnlyList<NeutralityRule> rules, IReadOnlyList<(Election Election, Contest Contest)> contests, LocalDate date, IReadOnlyList<RuleInForce> now)
    {
        var current = now.Select(r => r.Rule.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in ChangeDates(rules, contests, date))
        {
            var phases = PhasesOn(contests, candidate);
            var then = RulesInForce(rules, phases, candidate).Select(r => r.Rule.Id).ToHashSet(StringComparer.Ordinal);
            if (!then.SetEquals(current))
            {
                return new NextChange(
                    candidate,
                    phases,
                    [.. then.Except(current).Order(StringComparer.Ordinal)],
                    [.. current.Except(then).Order(StringComparer.Ordinal)]);
            }
        }

        return null;
    }

    /// <summary>
    /// What the reader must know about the answer's completeness: no modelled law yet on the date, and each contest
    /// that applies here, is under way on the date and lacks phases in the data.
    /// </summary>
    public static IReadOnlyList<GuidanceNotice> NoticesFor(CalendarSnapshot snapshot, IReadOnlyList<(Election Election, Contest Contest)> contests, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(contests);
        var notices = new List<GuidanceNotice>();
        if (snapshot.FirstLawInForce is not { } first || date < first)
        {
            notices.Add(new GuidanceNotice(NoticeCode.NoLawModelled, null, null, []));
        }

        foreach (var (election, contest) in contests)
        {
            if (contest.UnmodelledPhases.Count > 0 && Span(snapshot, election, contest) is { } span && span.Contains(date))
            {
                notices.Add(new GuidanceNotice(NoticeCode.PartialData, election, contest, contest.UnmodelledPhases));
            }
        }

        return notices;
    }

    /// <summary>The days an election is under way for a contest: from its first dated stage (or phase) to its last.</summary>
    private static DateInterval? Span(CalendarSnapshot snapshot, Election election, Contest contest)
    {
        var dates = snapshot.StagesOf(election.Id)
            .Where(s => s.Status == StageStatus.Scheduled && s.Dates is not null)
            .SelectMany(s => new[] { s.Dates!.Start, s.Dates.End })
            .Concat(contest.PhaseSpans().SelectMany(p => new[] { p.Dates.Start, p.Dates.End }))
            .ToList();
        return dates.Count == 0 ? null : new DateInterval(dates.Min(), dates.Max());
    }

    /// <summary>
    /// The bodies in charge on the date: for the general election always (its supervision never stops), and for a
    /// regional election only while one of its contests that applies to the caller is in a phase.
    /// </summary>
    private static IReadOnlyList<Authority> ReportTo(CalendarSnapshot snapshot, IReadOnlyList<ContestPhase> phases, LocalDate date)
    {
        var kinds = phases.Select(c => c.Election.Kind).Append(ElectionKind.Pemilu).ToHashSet();
        return [.. snapshot.Guidance.Authorities.Where(a => a.InForceOn(date) && a.ElectionKinds.Any(kinds.Contains))];
    }
}
