using System.Diagnostics;
using ElectionStages.Api.Database;

namespace ElectionStages.Api.Import;

/// <summary><c>ElectionStages.Api import &lt;dir&gt;</c>: validate the seed folder and load it, or write nothing.</summary>
internal static class ImportCommand
{
    public const string Verb = "import";
    public const string ImportConnectionStringName = "ElectionsImport";

    /// <summary>The import's configuration: appsettings.json beside the binary, the environment, then <c>--Key=value</c> after the folder.</summary>
    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(2).ToArray())
            .Build();

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("usage: ElectionStages.Api import <seed-directory> [--ConnectionStrings:Elections=...]");
            return 2;
        }

        // The import writes and creates the API's read-only role, so it may use a more privileged connection.
        var connectionString = configuration.GetConnectionString(ImportConnectionStringName)
            ?? configuration.GetConnectionString(DataSourceFactory.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync(
                $"No connection string: set ConnectionStrings__{ImportConnectionStringName} (or ConnectionStrings__{DataSourceFactory.ConnectionStringName}).");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        ImportResult result;
        try
        {
            result = await SeedImporter.ImportAsync(
                connectionString, args[1], CancellationToken.None,
                configuration["Import:ReaderRole"] ?? ReaderRole.DefaultName, configuration["Import:ReaderPassword"]);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            // One line, no stack trace: what failed and that nothing was written (the transaction rolled back).
            await error.WriteLineAsync($"import failed: {OneLine(e)}; nothing was written.");
            return 1;
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            await error.WriteLineAsync($"import rejected: {result.Problems.Count} problem(s); nothing was written.");
            return 1;
        }

        var what = result.Changed ? "imported as revision" : "unchanged since revision";

        var guidance = result.Guidance ?? Domain.GuidanceData.Empty;
        await output.WriteLineAsync(
            $"{what} {result.Revision}: {result.Elections} elections, {result.Stages} stages, {guidance.Regions.Count} regions, " +
            $"{guidance.Contests.Count} contests, {guidance.ElectionRegions.Count} contest regions, {guidance.Rules.Count} rules " +
            $"({stopwatch.ElapsedMilliseconds} ms).");
        return 0;
    }

    /// <summary>The message of an error and of what caused it, on one line, without the connection string's password.</summary>
    private static string OneLine(Exception e)
    {
        var message = e is Npgsql.PostgresException postgres ? $"{postgres.SqlState}: {postgres.MessageText}" : e.Message;
        if (e.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += $" ({inner.Message})";
        }

        return message.ReplaceLineEndings(" ");
    }
}
