using System.Diagnostics;
using Dapper;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ElectionStages.Api.Tests;

/// <summary>
/// The import against a real PostgreSQL: a refused folder writes nothing, the same files change nothing, new files bump the
/// revision, and the import command reports file:line. What makes a file bad is in <see cref="SeedValidationTests"/>.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class ImportTests(SeededApiFixture fixture)
{
    private const string GoodStage = SeedValidationTests.GoodStage;

    [Fact]
    public async Task Four_concurrent_imports_on_a_fresh_database_end_cleanly_one_after_the_other()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("concurrent");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join('\n', r.Problems)));
        Assert.Single(results, r => r.Changed);
        Assert.All(results, r => Assert.Equal(1, r.Revision));
        await using var connection = new NpgsqlConnection(connectionString);
        Assert.Equal(results[0].Stages, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stage"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM calendar_change"));
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_fails_the_import_command_in_one_line_with_exit_1()
    {
        var error = new StringWriter();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ElectionsImport"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=secret;Database=none;Timeout=2",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var exit = await ImportCommand.RunAsync(["import", Repository.SeedData], configuration, TextWriter.Null, error);

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, exit);
        var line = Assert.Single(lines);
        Assert.StartsWith("import failed: ", line, StringComparison.Ordinal);
        Assert.EndsWith("nothing was written.", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_folder_writes_nothing_and_keeps_the_revision()
    {
        var connectionString = await ImportedDatabaseAsync();
        var before = await StateAsync(connectionString);
        using var seed = Repository.CopySeedData();
        var line = AppendLine(seed.File("stages.csv"), GoodStage.Replace(",high,", ",certain,", StringComparison.Ordinal));

        var result = await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"stages.csv:{line}", $"{problem.File}:{problem.Line}");
        Assert.Equal(before, await StateAsync(connectionString));
    }

    [Fact]
    public async Task Importing_the_same_files_twice_changes_nothing_and_keeps_the_revision()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("import");

        var first = await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None);
        var state = await StateAsync(connectionString);
        var second = await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None);

        Assert.Equal((1L, true), (first.Revision, first.Changed));
        Assert.Equal((1L, false), (second.Revision, second.Changed));
        Assert.Equal(state, await StateAsync(connectionString));
    }

    [Fact]
    public async Task Changed_files_replace_the_data_and_bump_the_revision()
    {
        var connectionString = await ImportedDatabaseAsync();
        using var seed = Repository.CopySeedData();
        AppendLine(seed.File("stages.csv"), GoodStage);

        var result = await SeedImporter.ImportAsync(connectionString, seed.Path, CancellationToken.None);
        var (revision, stages, _) = await StateAsync(connectionString);

        Assert.True(result.Succeeded);
        Assert.Equal(2, revision);
        Assert.Equal(result.Stages, stages);
    }

    [Fact]
    public async Task The_import_command_exits_non_zero_and_prints_file_and_line()
    {
        var connectionString = await ImportedDatabaseAsync();
        using var seed = Repository.CopySeedData();
        var line = AppendLine(seed.File("stages.csv"), GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-30", StringComparison.Ordinal));

        var (exitCode, stdout, stderr) = await RunImportProcessAsync(connectionString, seed.Path);

        Assert.True(exitCode == 1, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains($"stages.csv:{line}: end '2024-02-30' is not a real date", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was written", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_command_loads_the_seed_folder_and_exits_zero()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("import");

        var (exitCode, stdout, stderr) = await RunImportProcessAsync(connectionString, Repository.SeedData);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("imported as revision 1", stdout, StringComparison.Ordinal);
    }

    private async Task<string> ImportedDatabaseAsync()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync("import");
        var result = await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return connectionString;
    }

    private static async Task<(long Revision, int Stages, string Digest)> StateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var revision = await connection.ExecuteScalarAsync<long?>("SELECT revision FROM calendar_revision") ?? 0;
        var stages = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM stage");
        var digest = await connection.ExecuteScalarAsync<string>(
            "SELECT md5(coalesce(string_agg(s::text, '|' ORDER BY election_id, id), '')) FROM stage s") ?? string.Empty;
        return (revision, stages, digest);
    }

    /// <summary>Appends a row and returns its line number.</summary>
    private static int AppendLine(string path, string row)
    {
        var text = File.ReadAllText(path);
        if (!text.EndsWith('\n'))
        {
            text += "\n";
        }

        var line = text.Count(c => c == '\n') + 1;
        File.WriteAllText(path, text + row + "\n");
        return line;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunImportProcessAsync(string connectionString, string seed)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["ConnectionStrings__Elections"] = connectionString },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ElectionStages.Api.dll"));
        start.ArgumentList.Add("import");
        start.ArgumentList.Add(seed);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
