namespace ElectionStages.Api.Import;

/// <summary>One thing wrong with the seed files, located as <c>file:line</c>.</summary>
internal sealed record SeedProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
