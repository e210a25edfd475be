using ElectionStages.Api.Store;
using Microsoft.AspNetCore.HttpLogging;
using OpenTelemetry.Metrics;

namespace ElectionStages.Api.Operations;

internal static class Telemetry
{
    /// <summary>
    /// OpenTelemetry metrics for ASP.NET Core, the runtime and the snapshot, scraped by Prometheus at /metrics; and one
    /// log line per request (method, path, status, duration) at Information.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(StoreMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddHttpLogging(options =>
        {
            options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath |
                HttpLoggingFields.RequestQuery | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            options.CombineLogs = true;
        });
        return services;
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus. <c>Metrics:RequireHost</c> (e.g. <c>*:9464</c>, with that port added to the
    /// URLs Kestrel listens on) serves it only on that host or port, so it can stay off the public listener;
    /// <c>Metrics:Enabled=false</c> removes it.
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue("Metrics:Enabled", true))
        {
            return app;
        }

        var endpoint = app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        if (configuration["Metrics:RequireHost"] is { Length: > 0 } host)
        {
            endpoint.RequireHost(host);
        }

        return app;
    }
}
