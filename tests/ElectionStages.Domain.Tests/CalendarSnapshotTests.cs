using ElectionStages.Domain;
using NodaTime;
using static ElectionStages.Domain.Tests.StageTests;

namespace ElectionStages.Domain.Tests;

public class CalendarSnapshotTests
{
    private static readonly Election Pemilu2024 = new("pemilu-2024", ElectionKind.Pemilu, new LocalizedText("Pemilu 2024", "General Election 2024"), "Pemilu 2024",
        new LocalDate(2024, 2, 14), "PKPU 3/2022", "Keputusan KPU 21/2022", Confidence.High, null);

    private static readonly Election Pemilu2019 = new("pemilu-2019", ElectionKind.Pemilu, new LocalizedText("Pemilu 2019", "General Election 2019"), "Pemilu 2019",
        new LocalDate(2019, 4, 17), "PKPU 7/2017", "Setkab", Confidence.High, null);

    private static readonly CalendarSnapshot Snapshot = new(7, Instant.FromUtc(2026, 1, 1, 0, 0), [Pemilu2024, Pemilu2019],
    [
        StageWith(Days(2024, 2, 14, 2024, 3, 20), StageStatus.Scheduled, "pemungutan-penghitungan-suara", ordinal: 9),
        StageWith(Days(2024, 2, 15, 2024, 3, 20), StageStatus.Scheduled, "rekapitulasi", "pemungutan-penghitungan-suara", 3),
        StageWith(Days(2024, 2, 14, 2024, 2, 14), StageStatus.Scheduled, "pemungutan-suara", "pemungutan-penghitungan-suara", 1),
        StageWith(Days(2024, 2, 11, 2024, 2, 13), StageStatus.Scheduled, "masa-tenang", ordinal: 8),
        StageWith(Days(2024, 6, 23, 2024, 6, 25), StageStatus.NotHeld, "masa-tenang-putaran-kedua", ordinal: 12),
        StageWith(Days(2019, 4, 14, 2019, 4, 16), StageStatus.Scheduled, "masa-tenang", ordinal: 10, electionId: "pemilu-2019"),
    ]);

    [Fact]
    public void Elections_are_listed_oldest_voting_day_first() =>
        Assert.Equal(["pemilu-2019", "pemilu-2024"], Snapshot.Elections.Select(e => e.Id));

    [Fact]
    public void Stages_come_in_schedule_order_each_main_stage_followed_by_its_sub_stages() =>
        Assert.Equal(
            ["masa-tenang", "pemungutan-penghitungan-suara", "pemungutan-suara", "rekapitulasi", "masa-tenang-putaran-kedua"],
            Snapshot.StagesOf("pemilu-2024").Select(s => s.Id));

    [Fact]
    public void The_calendar_on_voting_day_holds_the_main_stage_and_its_running_sub_stage_only()
    {
        var running = Assert.Single(Snapshot.RunningOn(new LocalDate(2024, 2, 14)));

        Assert.Equal("pemilu-2024", running.Election.Id);
        Assert.Equal(["pemungutan-penghitungan-suara", "pemungutan-suara"], running.Stages.Select(s => s.Id));
    }

    [Fact]
    public void Elections_with_nothing_running_are_left_out()
    {
        Assert.Empty(Snapshot.RunningOn(new LocalDate(2022, 1, 1)));
        Assert.Equal("pemilu-2019", Assert.Single(Snapshot.RunningOn(new LocalDate(2019, 4, 15))).Election.Id);
    }

    [Fact]
    public void A_planned_run_off_never_shows_as_running() =>
        Assert.Empty(Snapshot.RunningOn(new LocalDate(2024, 6, 24)));

    [Fact]
    public void An_unknown_election_has_no_stages_and_is_not_found()
    {
        Assert.Null(Snapshot.FindElection("pilkada-2024"));
        Assert.Empty(Snapshot.StagesOf("pilkada-2024"));
    }

    private static DateInterval Days(int y1, int m1, int d1, int y2, int m2, int d2) =>
        new(new LocalDate(y1, m1, d1), new LocalDate(y2, m2, d2));
}
