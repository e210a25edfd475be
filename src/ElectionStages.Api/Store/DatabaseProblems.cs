using System.Net.Sockets;
using Npgsql;

namespace ElectionStages.Api.Store;

/// <summary>
/// What may be said publicly of a database failure (readiness is an open endpoint): the kind of failure, never a host,
/// port, role or database name. The full message goes to the log.
/// </summary>
internal static class DatabaseProblems
{
    public static string Describe(Exception e) => e switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => "the database refused the credentials",
        PostgresException { SqlState: "3D000" } => "the database does not exist",
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => "the database is shutting down or starting",
        PostgresException { SqlState: "53300" } => "the database has no free connections",
        PostgresException pg => $"the database answered with error {pg.SqlState}",
        OperationCanceledException or TimeoutException or NpgsqlException { InnerException: TimeoutException } => "the database did not answer in time",
        NpgsqlException { InnerException: SocketException } => "cannot connect to the database",
        NpgsqlException => "the database connection failed",
        _ => "the database connection failed",
    };
}
