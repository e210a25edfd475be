using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace ElectionStages.Api.Import;

/// <summary>
/// The role the API connects with: it may read the calendar tables and LISTEN, nothing else. The import (which runs
/// the migrations and writes) creates it and grants it SELECT on every table, on every run, so new tables are covered.
/// </summary>
internal static partial class ReaderRole
{
    public const string DefaultName = "electionstages_reader";

    public static async Task EnsureAsync(NpgsqlConnection connection, string name, string? password, CancellationToken cancellationToken)
    {
        if (!RoleName().IsMatch(name))
        {
            throw new InvalidOperationException($"Import:ReaderRole '{name}' must be a lowercase SQL identifier.");
        }

        // Role names are identifiers, not parameters; the name is checked above and quoted with %I.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = @name) THEN
                    EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', @name);
                END IF;
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), @name);
                EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', @name);
                EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', @name);
                EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', @name);
            END
            $$
            """.Replace("@name", Quote(name), StringComparison.Ordinal),
            cancellationToken: cancellationToken));
        if (password is not null)
        {
            await using var command = new NpgsqlCommand($"ALTER ROLE {name} PASSWORD {Quote(password)}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A SQL string literal.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
