using NodaTime;

namespace ElectionStages.Domain;

public static class ZonedToday
{
    /// <summary>Indonesia's capital zone (WIB), used when the caller names none.</summary>
    public const string DefaultZoneId = "Asia/Jakarta";

    /// <summary>The calendar date it is now in <paramref name="zone"/>.</summary>
    public static LocalDate In(IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(zone).Date;
    }
}
