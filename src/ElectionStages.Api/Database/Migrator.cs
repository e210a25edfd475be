using DbUp;

namespace ElectionStages.Api.Database;

/// <summary>
/// Applies the embedded, ordered SQL files under Database/Migrations once each. DbUp journals each script by its
/// resource name, which the project file keeps at <c>ElectionStages.Api.Data.Migrations.*</c> (the folder it was
/// first deployed from), so databases migrated before the move do not run the scripts again.
/// </summary>
internal static class Migrator
{
    public static int Apply(string connectionString)
    {
        var result = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.Contains(".Data.Migrations.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return result.Scripts.Count();
    }
}
