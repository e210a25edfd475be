using Npgsql;

namespace ElectionStages.Api.Database;

internal static class DataSourceFactory
{
    public const string ConnectionStringName = "Elections";

    public static NpgsqlDataSource Create(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings:{ConnectionStringName} " +
                $"(environment variable ConnectionStrings__{ConnectionStringName}).");
        }

        return Create(connectionString);
    }

    public static NpgsqlDataSource Create(string connectionString)
    {
        NodaTimeTypeHandlers.Register();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNodaTime();
        return builder.Build();
    }
}
