namespace ElectionStages.Api.Tests.Infrastructure;

internal static class Repository
{
    /// <summary>The checkout's root: the folder holding ElectionStages.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    /// <summary>A private copy of seed-data/ that a test may change.</summary>
    public static string CopySeedData()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"electionstages-seed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(SeedData, "*.csv"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElectionStages.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ElectionStages.sln not found above " + AppContext.BaseDirectory);
    }
}
