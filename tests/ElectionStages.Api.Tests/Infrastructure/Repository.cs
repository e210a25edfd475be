namespace ElectionStages.Api.Tests.Infrastructure;

internal static class Repository
{
    /// <summary>The checkout's root: the folder holding ElectionStages.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedData => Path.Combine(Root, "seed-data");

    /// <summary>A private copy of seed-data/ that a test may change; deleted when disposed.</summary>
    public static TempSeedFolder CopySeedData()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"electionstages-seed-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(SeedData, "*.csv"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return new TempSeedFolder(copy);
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

/// <summary>A folder under the temp directory that is deleted with everything in it on dispose.</summary>
internal sealed class TempSeedFolder(string path) : IDisposable
{
    public string Path { get; } = path;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
