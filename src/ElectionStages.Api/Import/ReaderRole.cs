using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace ElectionStages.Api.Import;

/// <summary>
/// The role the API connects with: it may read the tables it serves and LISTEN, nothing else. The import (which runs
/// the migrations and writes) creates it on every run and grants it SELECT on every table but the migration journal and
/// the kept seed files, so new tables are covered. This database may be connected to only by its owner, superusers and
/// the roles granted CONNECT (the reader); nobody but its owner may create temporary tables in it; the role's queries
/// and idle transactions have time limits. Other databases of the cluster are beyond the import: PostgreSQL grants
/// CONNECT on each to PUBLIC and has no per-role deny, so <c>pg_hba.conf</c> confines the reader (docs/operations.md). A password is sent as a SCRAM-SHA-256 verifier
/// computed here, so the plain password never reaches the server or its statement log.
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
                EXECUTE format('REVOKE TEMPORARY, CONNECT ON DATABASE %I FROM PUBLIC', current_database());
                EXECUTE format('REVOKE ALL ON DATABASE %I FROM %I', current_database(), @name);
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), @name);
                EXECUTE format('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
                EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', @name);
                EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', @name);
                EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', @name);
                EXECUTE format('REVOKE ALL ON TABLE schemaversions, seed_file FROM %I', @name);
                EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', @name, '10s');
                EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', @name, '30s');
            END
            $$
            """.Replace("@name", Quote(name), StringComparison.Ordinal),
            cancellationToken: cancellationToken));
        if (password is not null)
        {
            await using var command = new NpgsqlCommand($"ALTER ROLE {name} PASSWORD {Quote(ScramVerifier(password))}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The SCRAM-SHA-256 verifier PostgreSQL stores for a password (RFC 5802, RFC 7677; the format of
    /// <c>pg_authid.rolpassword</c>): <c>SCRAM-SHA-256$4096:salt$StoredKey:ServerKey</c>, all base64.
    /// </summary>
    public static string ScramVerifier(string password, byte[]? salt = null)
    {
        const int iterations = 4096;
        salt ??= System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        var salted = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(
            System.Text.Encoding.UTF8.GetBytes(password.Normalize(System.Text.NormalizationForm.FormKC)), salt, iterations,
            System.Security.Cryptography.HashAlgorithmName.SHA256, 32);
        var clientKey = System.Security.Cryptography.HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = System.Security.Cryptography.SHA256.HashData(clientKey);
        var serverKey = System.Security.Cryptography.HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    /// <summary>A SQL string literal.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
