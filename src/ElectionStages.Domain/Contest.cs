using NodaTime;

namespace ElectionStages.Domain;

/// <summary>
/// One race of an election (presidential, legislative, governor, regent/mayor) with the dates that bound its
/// neutrality phases, each taken from a stage of the schedule. A missing boundary means the phase it opens does
/// not exist for this contest (e.g. a re-vote with only a voting day).
/// </summary>
public sealed record Contest(
    string ElectionId,
    string Id,
    LocalizedText Name,
    LocalDate? CycleStart,
    LocalDate? CandidatesDetermined,
    DateInterval? Campaign,
    DateInterval? QuietPeriod,
    LocalDate VotingDay,
    LocalDate? CycleEnd,
    string Source,
    Confidence Confidence,
    LocalizedText? Note)
{
    /// <summary>
    /// The quiet period: the stage named for it, or else, by the phase's definition (the days after the campaign and
    /// before voting; UU 7/2017 Pasal 278(1), UU 8/2015 Pasal 67(2)), the days between a dated campaign and voting.
    /// </summary>
    public DateInterval? Quiet =>
        QuietPeriod ?? (Campaign is { } campaign && campaign.End.PlusDays(1) < VotingDay
            ? new DateInterval(campaign.End.PlusDays(1), VotingDay.PlusDays(-1))
            : null);

    /// <summary>The phase an ASN is in for this contest on <paramref name="date"/>, or null outside its cycle.</summary>
    public string? PhaseOn(LocalDate date)
    {
        if (date == VotingDay)
        {
            return PhaseIds.VotingDay;
        }

        if (Quiet is { } quiet && quiet.Contains(date))
        {
            return PhaseIds.QuietPeriod;
        }

        if (Campaign is { } campaign && campaign.Contains(date))
        {
            return PhaseIds.Campaign;
        }

        var afterDetermination = Campaign?.Start ?? Quiet?.Start ?? VotingDay;
        if (CandidatesDetermined is { } determined && date >= determined && date < afterDetermination)
        {
            return PhaseIds.CandidatesDetermined;
        }

        if (CycleStart is { } start && date >= start && date < (CandidatesDetermined ?? afterDetermination))
        {
            return PhaseIds.PreCandidacy;
        }

        if (date > VotingDay && date <= (CycleEnd ?? VotingDay))
        {
            return PhaseIds.PostVoting;
        }

        return null;
    }

    /// <summary>
    /// The phases the data does not model for this contest (a re-vote with only its voting day has no campaign in the
    /// data even though one may have taken place): an answer about its dates is incomplete, and says so.
    /// </summary>
    public IReadOnlyList<string> UnmodelledPhases =>
        [.. new (bool Missing, string Phase)[]
            {
                (CycleStart is null, PhaseIds.PreCandidacy),
                (CandidatesDetermined is null, PhaseIds.CandidatesDetermined),
                (Campaign is null, PhaseIds.Campaign),
                (Quiet is null, PhaseIds.QuietPeriod),
                (CycleEnd is null, PhaseIds.PostVoting),
            }
            .Where(p => p.Missing)
            .Select(p => p.Phase)];

    /// <summary>The phases of this contest in order, each with its inclusive dates; a phase that does not exist is left out.</summary>
    public IReadOnlyList<(string PhaseId, DateInterval Dates)> PhaseSpans()
    {
        var spans = new List<(string, DateInterval)>();
        var afterDetermination = Campaign?.Start ?? Quiet?.Start ?? VotingDay;
        if (CycleStart is { } start && start < (CandidatesDetermined ?? afterDetermination))
        {
            spans.Add((PhaseIds.PreCandidacy, new DateInterval(start, (CandidatesDetermined ?? afterDetermination).PlusDays(-1))));
        }

        if (CandidatesDetermined is { } determined && determined < afterDetermination)
        {
            spans.Add((PhaseIds.CandidatesDetermined, new DateInterval(determined, afterDetermination.PlusDays(-1))));
        }

        if (Campaign is { } campaign)
        {
            spans.Add((PhaseIds.Campaign, campaign));
        }

        if (Quiet is { } quiet)
        {
            spans.Add((PhaseIds.QuietPeriod, quiet));
        }

        spans.Add((PhaseIds.VotingDay, new DateInterval(VotingDay, VotingDay)));
        if (CycleEnd is { } end && end > VotingDay)
        {
            spans.Add((PhaseIds.PostVoting, new DateInterval(VotingDay.PlusDays(1), end)));
        }

        return spans;
    }

    /// <summary>Every date on which <see cref="PhaseOn"/> may give a different answer than the day before.</summary>
    public IEnumerable<LocalDate> ChangeDates()
    {
        if (CycleStart is { } start)
        {
            yield return start;
        }

        if (CandidatesDetermined is { } determined)
        {
            yield return determined;
        }

        foreach (var interval in new[] { Campaign, Quiet })
        {
            if (interval is { } span)
            {
                yield return span.Start;
                yield return span.End.PlusDays(1);
            }
        }

        yield return VotingDay;
        yield return VotingDay.PlusDays(1);
        if (CycleEnd is { } end)
        {
            yield return end.PlusDays(1);
        }
    }

    /// <summary>
    /// Phases follow each other without overlap, and the quiet period fills the days between campaign and voting
    /// exactly (UU 7/2017 Pasal 278(1), UU 8/2015 Pasal 67(2)); otherwise some day of the cycle would have two phases
    /// or none. Returns what is wrong, or null.
    /// </summary>
    public static string? PhaseOrderProblem(LocalDate? cycleStart, LocalDate? determined, DateInterval? campaign, DateInterval? quiet, LocalDate voting, LocalDate? cycleEnd)
    {
        var firstAfterDetermination = campaign?.Start ?? quiet?.Start ?? voting;
        if (cycleStart is { } start && start > (determined ?? firstAfterDetermination))
        {
            return $"cycle_start {start:uuuu-MM-dd} is after the next phase starts";
        }

        if (determined is { } d && d >= firstAfterDetermination)
        {
            return $"candidates_determined {d:uuuu-MM-dd} must come before the campaign, quiet period and voting day";
        }

        if (campaign is { } c && (c.End >= voting || c.End >= (quiet?.Start ?? voting)))
        {
            return $"the campaign ends {c.End:uuuu-MM-dd}, not before the quiet period or voting day";
        }

        if (quiet is { } q && (q.End.PlusDays(1) != voting || (campaign is { } before && before.End.PlusDays(1) != q.Start)))
        {
            return $"the quiet period {q.Start:uuuu-MM-dd}..{q.End:uuuu-MM-dd} must run from the day after the campaign to the day before voting ({voting:uuuu-MM-dd})";
        }

        if (cycleEnd is { } end && end < voting)
        {
            return $"cycle_end {end:uuuu-MM-dd} is before voting_day {voting:uuuu-MM-dd}";
        }

        return null;
    }
}

/// <summary>A region in which a contest of a regional election is held (a governor race at province level, a regent/mayor race at regency/city level).</summary>
public sealed record ElectionRegion(string ElectionId, string RegionCode, string ContestId, string Source, LocalizedText? Note)
{
    /// <summary>A governor race is held by a province, a regent or mayor race by a regency or city: what is wrong, or null.</summary>
    public static string? ContestLevelProblem(string contestId, Region region) => contestId switch
    {
        "governor" when region.Kind != RegionKind.Province => $"a governor race is held by a province, not {region.Code}",
        "regent-mayor" when region.Kind == RegionKind.Province => $"a regent-mayor race is held by a regency/city, not province {region.Code}",
        "governor" or "regent-mayor" => null,
        _ => $"contest '{contestId}' of a regional election must be governor or regent-mayor",
    };
}
