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

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        return app;
    }
}
