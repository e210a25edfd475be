using NodaTime;

namespace ElectionStages.Domain;

/// <summary>A contest that is in a phase on some date.</summary>
public sealed record ContestPhase(Election Election, Contest Contest, string PhaseId);

/// <summary>A rule in force, and the contest phases that put it in force (none for a rule that holds at all times).</summary>
public sealed record RuleInForce(NeutralityRule Rule, IReadOnlyList<ContestPhase> Because);

/// <summary>The first later date on which the rules in force change, and the phases on that date.</summary>
public sealed record NextChange(LocalDate Date, IReadOnlyList<ContestPhase> Contests);

public sealed record GuidanceAnswer(
    LocalDate Date,
    Region? Region,
    IReadOnlyList<ContestPhase> Contests,
    IReadOnlyList<RuleInForce> Rules,
    NextChange? NextChange);

/// <summary>
/// "What may an ASN say today?": the union of the rules of the phases of every contest that applies to the region on
/// the date. The general election (pemilu) applies everywhere; a regional election only where its contests are held
/// (a governor race in every regency/city of its province). Without a region only national contests apply.
/// </summary>
public static class NeutralityGuide
{
    public static GuidanceAnswer Answer(CalendarSnapshot snapshot, LocalDate date, Region? region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var contests = ContestsFor(snapshot, region);
        var phases = PhasesOn(contests, date);
        var rules = RulesInForce(snapshot.Guidance.Rules, phases);
        return new GuidanceAnswer(date, region, phases, rules, FindNextChange(snapshot.Guidance.Rules, contests, date, rules));
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

    public static IReadOnlyList<RuleInForce> RulesInForce(IEnumerable<NeutralityRule> rules, IReadOnlyList<ContestPhase> phases) =>
        [.. rules
            .Select(rule => new RuleInForce(rule, [.. phases.Where(p => Triggers(rule, p))]))
            .Where(r => r.Rule.HoldsAlways || r.Because.Count > 0)];

    private static bool Triggers(NeutralityRule rule, ContestPhase phase) =>
        rule.Phases.Contains(phase.PhaseId) && rule.ElectionKinds.Contains(phase.Election.Kind);

    private static NextChange? FindNextChange(
        IReadOnlyList<NeutralityRule> rules, IReadOnlyList<(Election Election, Contest Contest)> contests, LocalDate date, IReadOnlyList<RuleInForce> now)
    {
        var current = RuleKey(now);
        foreach (var candidate in contests.SelectMany(c => c.Contest.ChangeDates()).Where(d => d > date).Distinct().Order())
        {
            var phases = PhasesOn(contests, candidate);
            if (RuleKey(RulesInForce(rules, phases)) != current)
            {
                return new NextChange(candidate, phases);
            }
        }

        return null;
    }

    private static string RuleKey(IEnumerable<RuleInForce> rules) =>
        string.Join(',', rules.Select(r => r.Rule.Id).Order(StringComparer.Ordinal));
}
