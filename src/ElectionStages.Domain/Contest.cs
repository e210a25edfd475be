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
    string? Note)
{
    /// <summary>The phase an ASN is in for this contest on <paramref name="date"/>, or null outside its cycle.</summary>
    public string? PhaseOn(LocalDate date)
    {
        if (date == VotingDay)
        {
            return PhaseIds.VotingDay;
        }

        if (QuietPeriod is { } quiet && quiet.Contains(date))
        {
            return PhaseIds.QuietPeriod;
        }

        if (Campaign is { } campaign && campaign.Contains(date))
        {
            return PhaseIds.Campaign;
        }

        var afterDetermination = Campaign?.Start ?? QuietPeriod?.Start ?? VotingDay;
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

        foreach (var interval in new[] { Campaign, QuietPeriod })
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
}

/// <summary>A region in which a contest of a regional election is held (a governor race at province level, a regent/mayor race at regency/city level).</summary>
public sealed record ElectionRegion(string ElectionId, string RegionCode, string ContestId, string Source, string? Note);
