using ElectionStages.Api.Database;

namespace ElectionStages.Api.Store;

internal static class StoreSetup
{
    /// <summary>
    /// The read side: the data source on the API's read-only role, the snapshot every request reads, the background
    /// service that loads it and keeps it current, and its metrics.
    /// </summary>
    public static IServiceCollection AddSnapshotStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(provider => DataSourceFactory.Create(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SnapshotHolder>();
        services.AddSingleton<DatabasePing>();
        services.AddSingleton<StoreMetrics>();
        services.Configure<ReloadOptions>(configuration.GetSection(ReloadOptions.Section));
        services.AddHostedService<SnapshotReloader>();
        return services;
    }
}
