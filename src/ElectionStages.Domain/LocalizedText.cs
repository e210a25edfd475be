namespace ElectionStages.Domain;

/// <summary>A text in Indonesian (the official wording) with its English rendering.</summary>
public sealed record LocalizedText(string Id, string En);
