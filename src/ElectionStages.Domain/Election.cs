using NodaTime;

namespace ElectionStages.Domain;

public sealed record Election(
    string Id,
    ElectionKind Kind,
    LocalizedText Name,
    string ShortName,
    LocalDate VotingDay,
    string Regulation,
    string Source,
    Confidence Confidence,
    LocalizedText? Note);
