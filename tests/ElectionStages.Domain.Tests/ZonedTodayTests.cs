using ElectionStages.Domain;
using NodaTime;
using NodaTime.Testing;

namespace ElectionStages.Domain.Tests;

public class ZonedTodayTests
{
    // 23:30 WIB on 10 February 2024 is 16:30 UTC.
    private static readonly FakeClock HalfPastElevenInJakarta = new(Instant.FromUtc(2024, 2, 10, 16, 30));

    [Theory]
    [InlineData("Asia/Jakarta", 10)]   // WIB, UTC+7: still the last campaign day
    [InlineData("Asia/Pontianak", 10)] // WIB too
    [InlineData("Asia/Makassar", 11)]  // WITA, UTC+8: 00:30, the quiet period has begun
    [InlineData("Asia/Jayapura", 11)]  // WIT, UTC+9: 01:30
    public void Today_depends_on_the_zone(string zoneId, int expectedDay)
    {
        var today = ZonedToday.In(HalfPastElevenInJakarta, DateTimeZoneProviders.Tzdb[zoneId]);

        Assert.Equal(new LocalDate(2024, 2, expectedDay), today);
    }

    [Fact]
    public void The_default_zone_is_Jakarta() =>
        Assert.Equal("Asia/Jakarta", ZonedToday.DefaultZoneId);
}
