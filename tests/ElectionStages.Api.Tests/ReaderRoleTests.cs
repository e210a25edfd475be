using Dapper;
using ElectionStages.Api.Import;
using ElectionStages.Api.Tests.Infrastructure;
using Npgsql;

namespace ElectionStages.Api.Tests;

/// <summary>The API's role is least privilege, and its password never reaches the statement log in plain text.</summary>
[Collection(DatabaseCollection.Name)]
public class ReaderRoleTests
{
    private const string Password = "Rahasia-Netral-2024";

    [Fact]
    public async Task The_reader_has_no_temp_tables_no_journal_time_limits_and_a_SCRAM_password_absent_from_the_log()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("reader");
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.ExecuteAsync("ALTER SYSTEM SET log_statement = 'all'; SELECT pg_reload_conf();");
        }

        // Host connections of the reader must prove the password (the throwaway server trusts everyone else).
        await File.WriteAllTextAsync(server.HbaPath, $"host all {ReaderRole.DefaultName} 127.0.0.1/32 scram-sha-256\n" + await File.ReadAllTextAsync(server.HbaPath));
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.ExecuteAsync("SELECT pg_reload_conf()");
        }

        var import = await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None, readerPassword: Password);
        Assert.True(import.Succeeded, string.Join('\n', import.Problems));

        var reader = new NpgsqlConnectionStringBuilder(connectionString) { Username = ReaderRole.DefaultName, Password = Password, Pooling = false };
        await using var connection = new NpgsqlConnection(reader.ConnectionString);
        await connection.OpenAsync();

        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT revision FROM calendar_revision") >= 1);
        Assert.Equal("10s", await connection.ExecuteScalarAsync<string>("SHOW statement_timeout"));
        Assert.Equal("30s", await connection.ExecuteScalarAsync<string>("SHOW idle_in_transaction_session_timeout"));
        foreach (var forbidden in new[] { "CREATE TEMP TABLE t (x int)", "SELECT count(*) FROM schemaversions", "SELECT count(*) FROM seed_file", "CREATE TABLE t (x int)" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(forbidden));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }

        var wrong = new NpgsqlConnectionStringBuilder(reader.ConnectionString) { Password = "wrong" };
        await using var intruder = new NpgsqlConnection(wrong.ConnectionString);
        Assert.Equal(PostgresErrorCodes.InvalidPassword, (await Assert.ThrowsAsync<PostgresException>(() => intruder.OpenAsync())).SqlState);

        var log = await File.ReadAllTextAsync(server.LogPath);
        Assert.Contains("SCRAM-SHA-256$4096:", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_granted_roles_connect_to_the_database_and_the_deployed_pg_hba_lines_confine_the_reader_to_it()
    {
        await using var server = await PostgresServer.StartThrowawayAsync();
        var connectionString = await server.CreateDatabaseAsync("confined");
        var otherDatabase = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("other")).Database!;
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var import = await SeedImporter.ImportAsync(connectionString, Repository.SeedData, CancellationToken.None, readerPassword: Password);
        Assert.True(import.Succeeded, string.Join('\n', import.Problems));
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.ExecuteAsync("CREATE ROLE stranger LOGIN");
        }

        string As(string role, string db) => new NpgsqlConnectionStringBuilder(connectionString)
        {
            Username = role,
            Password = role == ReaderRole.DefaultName ? Password : null,
            Database = db,
            Pooling = false,
        }.ConnectionString;

        // The import alone: its database is closed to PUBLIC (a role it did not grant is refused), open to the reader.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(As("stranger", database)));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.True(await OpenAsync(As(ReaderRole.DefaultName, database)) >= 1);
        // ...but other databases keep PostgreSQL's default CONNECT for PUBLIC, which the import cannot take away.
        Assert.Equal(1, await OpenAsync(As(ReaderRole.DefaultName, "postgres"), "SELECT 1"));

        // The reader's lines of deploy/pg_hba.conf (the one compose.yaml runs PostgreSQL with), for this database, first.
        var readerLines = (await File.ReadAllLinesAsync(Path.Combine(Repository.Root, "deploy", "pg_hba.conf")))
            .Where(line => !line.StartsWith('#') && line.Contains(ReaderRole.DefaultName, StringComparison.Ordinal))
            .Select(line => line.Replace(" elections ", $" {database} ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(3, readerLines.Count);
        await File.WriteAllTextAsync(server.HbaPath, string.Join('\n', readerLines) + "\n" + await File.ReadAllTextAsync(server.HbaPath));
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.ExecuteAsync("SELECT pg_reload_conf()");
        }

        Assert.True(await OpenAsync(As(ReaderRole.DefaultName, database)) >= 1);
        foreach (var elsewhere in new[] { "postgres", otherDatabase, "template1" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(As(ReaderRole.DefaultName, elsewhere), "SELECT 1"));
            Assert.Equal(PostgresErrorCodes.InvalidAuthorizationSpecification, error.SqlState);
            Assert.Contains("pg_hba.conf", error.MessageText, StringComparison.Ordinal);
        }

        // Everyone else is as before: the stranger may still use another database, the admin every one.
        Assert.Equal(1, await OpenAsync(As("stranger", otherDatabase), "SELECT 1"));
        Assert.Equal(1, await OpenAsync(As("postgres", database), "SELECT 1"));
    }

    private static async Task<long> OpenAsync(string connectionString, string query = "SELECT revision FROM calendar_revision")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(query);
    }

    [Fact]
    public void The_verifier_matches_the_RFC_7677_test_vector_form()
    {
        var verifier = ReaderRole.ScramVerifier("pencil", Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="));

        // RFC 7677 section 3: user "user", password "pencil", salt W22ZaJ0SNY7soEsUEjb6gQ==, 4096 iterations.
        Assert.Equal("SCRAM-SHA-256$4096:W22ZaJ0SNY7soEsUEjb6gQ==$WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=:wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=", verifier);
    }
}
