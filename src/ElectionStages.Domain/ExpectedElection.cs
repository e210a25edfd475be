using NodaTime;

namespace ElectionStages.Domain;

/// <summary>Whether an election is scheduled by a stage regulation or only expected.</summary>
public enum ElectionStatus
{
    /// <summary>Its stages are set by a regulation; it has a voting day.</summary>
    Scheduled,

    /// <summary>Announced by law or a ruling, but with no voting day yet and no stage regulation; never running.</summary>
    Expected,
}

/// <summary>
/// An election that is decided in principle but not scheduled: the window its voting day must fall in where the law
/// gives one, what is and is not decided (<see cref="WindowText"/>), and the instruments that decide it.
/// </summary>
public sealed record ExpectedElection(
    string Id,
    ElectionKind Kind,
    LocalizedText Name,
    string ShortName,
    LocalDate? WindowStart,
    LocalDate? WindowEnd,
    LocalizedText WindowText,
    IReadOnlyList<LegalReference> LegalBasis,
    string Source,
    Confidence Confidence,
    LocalizedText? Note);

/// <summary>An election still to come on some date: scheduled (with its voting day) or expected (with its window, if any).</summary>
/// <param name="Id">Election id, e.g. <c>pemilu-2029</c>.</param>
/// <param name="Kind">General (<c>pemilu</c>) or regional (<c>pilkada</c>) election.</param>
/// <param name="Name">The election's name.</param>
/// <param name="ShortName">A short name for titles and filters, e.g. <c>Pemilu 2029</c> or <c>PSU Pilkada 2024</c>.</param>
/// <param name="Status"><c>scheduled</c> (a stage regulation sets it) or <c>expected</c> (decided in principle only).</param>
/// <param name="VotingDay">The (first-round) voting day of a scheduled election; null for an expected one.</param>
/// <param name="WindowStart">The first day the voting day of an expected election may fall on, where the law gives one; else null.</param>
/// <param name="WindowEnd">The last day the voting day of an expected election may fall on, where the law gives one; else null.</param>
/// <param name="WindowText">What is and is not decided about an expected election's date; null for a scheduled one.</param>
public sealed record UpcomingElection(
    string Id,
    ElectionKind Kind,
    LocalizedText Name,
    string ShortName,
    ElectionStatus Status,
    LocalDate? VotingDay,
    LocalDate? WindowStart,
    LocalDate? WindowEnd,
    LocalizedText? WindowText)
{
    /// <summary>
    /// What comes next after <paramref name="date"/> for someone in <paramref name="region"/>: per kind of election, the
    /// nearest scheduled one that applies there, or, where none is scheduled, the expected ones.
    /// </summary>
    public static IReadOnlyList<UpcomingElection> After(CalendarSnapshot snapshot, LocalDate date, Region? region)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var applicable = region is null
            ? snapshot.Elections.Where(e => e.Kind == ElectionKind.Pemilu)
            : NeutralityGuide.ElectionsFor(snapshot, region);
        var result = new List<UpcomingElection>();
        foreach (var kind in Enum.GetValues<ElectionKind>())
        {
            var next = applicable.Where(e => e.Kind == kind && e.VotingDay > date).OrderBy(e => e.VotingDay).FirstOrDefault();
            if (next is not null)
            {
                result.Add(new UpcomingElection(next.Id, next.Kind, next.Name, next.ShortName, ElectionStatus.Scheduled, next.VotingDay, null, null, null));
            }
            else
            {
                result.AddRange(snapshot.Expected
                    .Where(x => x.Kind == kind && (x.WindowEnd is not { } end || end > date))
                    .Select(x => new UpcomingElection(x.Id, x.Kind, x.Name, x.ShortName, ElectionStatus.Expected, null, x.WindowStart, x.WindowEnd, x.WindowText)));
            }
        }

        return result;
    }
}
