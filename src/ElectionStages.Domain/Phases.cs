namespace ElectionStages.Domain;

/// <summary>A neutrality phase: what stage of a contest an ASN is in, which decides the rules in force.</summary>
public sealed record Phase(string Id, int Ordinal, LocalizedText Name, LocalizedText Description, string Source);

/// <summary>The phase ids the guidance computes; phases.csv must name exactly these.</summary>
public static class PhaseIds
{
    /// <summary>Rules in this phase hold on every date, with or without an election.</summary>
    public const string Baseline = "baseline";
    public const string PreCandidacy = "pre-candidacy";
    public const string CandidatesDetermined = "candidates-determined";
    public const string Campaign = "campaign";
    public const string QuietPeriod = "quiet-period";
    public const string VotingDay = "voting-day";
    public const string PostVoting = "post-voting";

    public static readonly IReadOnlyList<string> All =
        [Baseline, PreCandidacy, CandidatesDetermined, Campaign, QuietPeriod, VotingDay, PostVoting];
}
