using NodaTime;

namespace ElectionStages.Domain;

public sealed record Election(
    string Id,
    ElectionKind Kind,
    LocalizedText Name,
    LocalDate VotingDay,
    string Regulation,
    string Source,
    Confidence Confidence,
    LocalizedText? Note);
