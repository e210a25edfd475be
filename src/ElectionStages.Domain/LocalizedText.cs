namespace ElectionStages.Domain;

/// <summary>A text in Indonesian (the official wording) with its English rendering.</summary>
/// <param name="Id">The text in Indonesian (Bahasa Indonesia), for the civil servant.</param>
/// <param name="En">The same text in English.</param>
public sealed record LocalizedText(string Id, string En);
