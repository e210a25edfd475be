using NodaTime;

namespace ElectionStages.Domain.Tests;

/// <summary>The domain rules the import applies to contests: phases in order without gaps, and who holds which race.</summary>
public class ContestRulesTests
{
    private static readonly LocalDate Voting = new(2024, 11, 27);
    private static readonly DateInterval Campaign = new(new LocalDate(2024, 9, 25), new LocalDate(2024, 11, 23));
    private static readonly DateInterval Quiet = new(new LocalDate(2024, 11, 24), new LocalDate(2024, 11, 26));
    private static readonly LocalDate Determined = new(2024, 9, 22);

    private static readonly Region Province = new("33", "Jawa Tengah", RegionKind.Province, null, "Asia/Jakarta", "src");
    private static readonly Region Regency = new("33.03", "Kabupaten Purbalingga", RegionKind.Regency, "33", "Asia/Jakarta", "src");

    [Fact]
    public void Pilkada_2024_phases_are_in_order()
    {
        Assert.Null(Contest.PhaseOrderProblem(new LocalDate(2024, 2, 27), Determined, Campaign, Quiet, Voting, new LocalDate(2025, 2, 20)));
    }

    [Fact]
    public void A_re_vote_with_only_a_voting_day_is_in_order()
    {
        Assert.Null(Contest.PhaseOrderProblem(null, null, null, null, Voting, null));
    }

    [Fact]
    public void A_quiet_period_that_leaves_a_day_before_voting_is_refused()
    {
        var short_ = new DateInterval(Quiet.Start, Quiet.End.PlusDays(-1));

        Assert.Contains("must run from the day after the campaign to the day before voting", Contest.PhaseOrderProblem(null, Determined, Campaign, short_, Voting, null));
    }

    [Fact]
    public void Candidates_determined_during_the_campaign_is_refused()
    {
        Assert.Contains("must come before the campaign", Contest.PhaseOrderProblem(null, Campaign.Start.PlusDays(3), Campaign, Quiet, Voting, null));
    }

    [Fact]
    public void A_cycle_that_ends_before_voting_is_refused()
    {
        Assert.Contains("is before voting_day", Contest.PhaseOrderProblem(null, Determined, Campaign, Quiet, Voting, Voting.PlusDays(-1)));
    }

    [Theory]
    [InlineData("governor", true, null)]
    [InlineData("governor", false, "a governor race is held by a province")]
    [InlineData("regent-mayor", false, null)]
    [InlineData("regent-mayor", true, "a regent-mayor race is held by a regency/city")]
    [InlineData("presidential", true, "must be governor or regent-mayor")]
    public void A_regional_race_is_held_at_its_level(string contest, bool byProvince, string? expected)
    {
        var problem = ElectionRegion.ContestLevelProblem(contest, byProvince ? Province : Regency);

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }
}
