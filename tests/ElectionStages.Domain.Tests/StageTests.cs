using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Domain.Tests;

public class StageTests
{
    private static readonly LocalDate QuietStart = new(2024, 2, 11);
    private static readonly LocalDate QuietEnd = new(2024, 2, 13);

    [Theory]
    [InlineData(2024, 2, 10, false)]
    [InlineData(2024, 2, 11, true)]
    [InlineData(2024, 2, 12, true)]
    [InlineData(2024, 2, 13, true)]
    [InlineData(2024, 2, 14, false)]
    public void A_stage_runs_on_every_day_of_its_inclusive_interval_and_no_other(int year, int month, int day, bool running)
    {
        var stage = StageWith(new DateInterval(QuietStart, QuietEnd), StageStatus.Scheduled);

        Assert.Equal(running, stage.IsRunningOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void A_stage_that_was_not_held_never_runs()
    {
        var runOffVoting = StageWith(new DateInterval(new LocalDate(2024, 6, 26), new LocalDate(2024, 6, 26)), StageStatus.NotHeld);

        Assert.False(runOffVoting.IsRunningOn(new LocalDate(2024, 6, 26)));
    }

    [Fact]
    public void A_stage_with_a_rule_instead_of_dates_never_runs()
    {
        var relative = StageWith(null, StageStatus.Scheduled);

        Assert.False(relative.IsRunningOn(new LocalDate(2024, 3, 23)));
    }

    internal static Stage StageWith(DateInterval? dates, StageStatus status, string id = "masa-tenang", string? parentId = null, int ordinal = 1, string electionId = "pemilu-2024") =>
        new(electionId, id, parentId, ordinal, new LocalizedText(id, id), dates, dates is null ? new LocalizedText("paling lambat 3 hari setelah …", "at the latest 3 days after …") : null,
            status, StageBasis.Lampiran, "PKPU 3/2022", "Lampiran", Confidence.High, null);
}
