using System.Diagnostics;
using Dapper;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;
using Npgsql;

namespace ElectionStages.Api.Tests;

/// <summary>The import against a real PostgreSQL: every kind of bad file is refused with file:line and writes nothing.</summary>
[Collection(DatabaseCollection.Name)]
public class ImportTests(SeededApiFixture fixture)
{
    private const string GoodStage =
        "pemilu-2024,uji-coba,masa-tenang,1,Uji coba,Test row,2024-02-12,2024-02-12,,scheduled,implementing,PKPU 3/2022,Lampiran angka 8,high,";

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-30", StringComparison.Ordinal), "'2024-02-30' is not a real date" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "12/02/2024,2024-02-12", StringComparison.Ordinal), "is not a real date" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-13,2024-02-12", StringComparison.Ordinal), "start 2024-02-13 is after end 2024-02-12" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-14", StringComparison.Ordinal), "lies outside its parent 'masa-tenang'" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,", StringComparison.Ordinal), "both be given or both be empty" },
        { "stages.csv", GoodStage.Replace("2024-02-12,2024-02-12", ",", StringComparison.Ordinal), "needs rule_text" },
        { "stages.csv", GoodStage.Replace("pemilu-2024,", "pemilu-2025,", StringComparison.Ordinal), "election_id 'pemilu-2025' is not in elections.csv" },
        { "stages.csv", GoodStage.Replace(",masa-tenang,", ",masa-sunyi,", StringComparison.Ordinal), "parent_id 'masa-sunyi' is not a stage" },
        { "stages.csv", GoodStage.Replace(",uji-coba,", ",kampanye,", StringComparison.Ordinal), "duplicate stage id 'kampanye'" },
        { "stages.csv", GoodStage.Replace(",PKPU 3/2022,", ",,", StringComparison.Ordinal), "source is required" },
        { "stages.csv", GoodStage.Replace(",high,", ",certain,", StringComparison.Ordinal), "confidence 'certain' is not one of high, medium, low" },
        { "stages.csv", GoodStage.Replace(",scheduled,", ",cancelled,", StringComparison.Ordinal), "status 'cancelled'" },
        { "stages.csv", GoodStage.Replace(",uji-coba,", ",Uji Coba,", StringComparison.Ordinal), "must be lowercase letters" },
        { "stages.csv", GoodStage.Replace(",1,", ",0,", StringComparison.Ordinal), "ordinal '0'" },
        { "stages.csv", GoodStage + ",extra", "has 16 fields, the header has 15" },
        { "elections.csv", "pemilu-2029,pemilu,Pemilu 2029,General Election 2029,2029-02-30,PKPU x,source,high,", "'2029-02-30' is not a real date" },
        { "elections.csv", "pemilu-2024,pemilu,Pemilu 2024,General Election 2024,2024-02-14,PKPU 3/2022,source,high,", "duplicate election id 'pemilu-2024'" },
        { "elections.csv", "pilpres-2029,presidential,Pilpres,Presidential,2029-02-14,PKPU x,source,high,", "kind 'presidential'" },
        { "election_regions.csv", "pilkada-2024,33,regent-mayor,src,", "a regent-mayor race is held by a regency/city" },
        { "election_regions.csv", "pilkada-2024,33.03,governor,src,", "a governor race is held by a province" },
        { "election_regions.csv", "pilkada-2024,99.99,regent-mayor,src,", "region_code '99.99' is not in regions.csv" },
        { "election_regions.csv", "pemilu-2024,33,presidential,src,", "applies everywhere" },
        { "regions.csv", "35.99,Kabupaten Uji,regency,35,Asia/Makassar,src", "differs from its province's Asia/Jakarta" },
        { "regions.csv", "99,Kabupaten Uji,regency,,Asia/Jakarta,src", "a regency/city has a code like 33.03" },
        { "regions.csv", "35.98,Kabupaten Uji,regency,35,Asia/Bandung,src", "zone 'Asia/Bandung' is not an IANA time zone" },
        { "rules.csv", "uji-aturan,prohibited,Uji,Test,baseline;campaign,pemilu,ethics,s,UU 1/2000 Pasal 1,src,high,", "'baseline' (every date) stands alone" },
        { "rules.csv", "uji-aturan,prohibited,Uji,Test,;,pemilu,ethics,s,UU 1/2000 Pasal 1,src,high,", "phases ';' lists nothing" },
        { "rules.csv", "uji-aturan,allowed,Uji,Test,campaign,pemilu,ethics,s,UU 1/2000 Pasal 1,src,high,", "sanction_kind is 'none' for an allowed act" },
        { "rules.csv", "no-party-membership,prohibited,Uji,Test,campaign,pemilu,ethics,s,UU 1/2000 Pasal 1,src,high,", "duplicate rule id 'no-party-membership'" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,kampanye,,masa-tenang,,src,high,", "voting_day stage 'masa-tenang' must be a single day" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,kampanye,masa-tenang,penetapan-paslon,,src,high,", "the campaign ends 2024-11-23, not before the quiet period or voting day" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,pengumuman-dps,masa-tenang,pemungutan-suara,,src,high,", "must run from the day after the campaign to the day before voting" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,penetapan-paslon@nope,,,pemungutan-suara,,src,high,", "must be stage-id@start or stage-id@end" },
        { "contests.csv", "pilkada-2024,uji,Uji,Test,,,,,putaran-kedua,,src,high,", "has no dates in force to bound a phase" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_bad_row_is_refused_with_its_file_and_line_and_nothing_is_written(string file, string row, string expectedMessage)
    {
        var connectionString = await ImportedDatabaseAsync();
        var before = await StateAsync(connectionString);
        var seed = Repository.CopySeedData();
        var line = AppendLine(Path.Combine(seed, file), row);

        var result = await SeedImporter.ImportAsync(connectionString, seed, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal($"{file}:{line}", $"{problem.File}:{problem.Line}");
        Assert.Contains(expectedMessage, problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(connectionString));
    }

    [Fact]
    public async Task Every_problem_of_a_folder_is_reported_not_just_the_first()
    {
        var seed = Repository.CopySeedData();
        var first = AppendLine(Path.Combine(seed, "stages.csv"), GoodStage.Replace(",high,", ",sure,", StringComparison.Ordinal));
        var second = AppendLine(Path.Combine(seed, "stages.csv"), GoodStage.Replace(",uji-coba,", ",uji-coba-2,", StringComparison.Ordinal).Replace("2024-02-12,2024-02-12", "2024-02-13,2024-02-11", StringComparison.Ordinal));

        var result = await SeedImporter.ImportAsync(await fixture.Server.CreateDatabaseAsync("import"), seed, CancellationToken.None);

        Assert.Equal([first, second], result.Problems.Select(p => p.Line));
    }

    [Fact]
    public async Task A_quoted_field_over_several_lines_keeps_the_line_numbers_of_later_rows_right()
    {
        var seed = Repository.CopySeedData();
        AppendLine(Path.Combine(seed, "stages.csv"), GoodStage + "\"a note\nover two lines\"");
        var bad = AppendLine(Path.Combine(seed, "stages.csv"), GoodStage.Replace(",uji-coba,", ",uji-coba-2,", StringComparison.Ordinal).Replace(",high,", ",sure,", StringComparison.Ordinal));

        var result = await SeedImporter.ImportAsync(await fixture.Server.CreateDatabaseAsync("import"), seed, CancellationToken.None);

        Assert.Equal(bad, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public async Task Blank_lines_do_not_shift_the_line_numbers_of_later_rows()
    {
        var seed = Repository.CopySeedData();
        AppendLine(Path.Combine(seed, "stages.csv"), string.Empty);
        var bad = AppendLine(Path.Combine(seed, "stages.csv"), GoodStage.Replace(",high,", ",sure,", StringComparison.Ordinal));

        var result = await SeedImporter.ImportAsync(await fixture.Server.CreateDatabaseAsync("import"), seed, CancellationToken.None);

        Assert.Equal(bad, Assert.Single(result.Problems).Line);
    }

    [Fact]
    public async Task A_missing_file_an_unknown_file_and_an_unknown_column_are_refused()
    {
        var seed = Repository.CopySeedData();
        File.Delete(Path.Combine(seed, "elections.csv"));
        await File.WriteAllTextAsync(Path.Combine(seed, "stagse.csv"), "id\n");
        var stages = Path.Combine(seed, "stages.csv");
        var lines = await File.ReadAllLinesAsync(stages);
        lines[0] = lines[0].Replace("source_ref", "sourceref", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(stages, lines);

        var result = await SeedImporter.ImportAsync(await fixture.Server.CreateDatabaseAsync("import"), seed, CancellationToken.None);
        var messages = result.Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("elections.csv:0: file is missing", messages);
        Assert.Contains(messages, m => m.StartsWith("stagse.csv:0: unknown seed file", StringComparison.Ordinal));
        Assert.Contains("stages.csv:1: missing column 'source_ref'", messages);
        Assert.Contains("stages.csv:1: unknown column 'sourceref'", messages);
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
        var seed = Repository.CopySeedData();
        AppendLine(Path.Combine(seed, "stages.csv"), GoodStage);

        var result = await SeedImporter.ImportAsync(connectionString, seed, CancellationToken.None);
        var (revision, stages, _) = await StateAsync(connectionString);

        Assert.True(result.Succeeded);
        Assert.Equal(2, revision);
        Assert.Equal(result.Stages, stages);
    }

    [Fact]
    public async Task The_import_command_exits_non_zero_and_prints_file_and_line()
    {
        var connectionString = await ImportedDatabaseAsync();
        var seed = Repository.CopySeedData();
        var line = AppendLine(Path.Combine(seed, "stages.csv"), GoodStage.Replace("2024-02-12,2024-02-12", "2024-02-12,2024-02-30", StringComparison.Ordinal));

        var (exitCode, stdout, stderr) = await RunImportProcessAsync(connectionString, seed);

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
