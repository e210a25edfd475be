using ElectionStages.Api.Store;
using OpenTelemetry.Metrics;

namespace ElectionStages.Api.Operations;

internal static class Telemetry
{
    /// <summary>
    /// OpenTelemetry metrics for ASP.NET Core, the runtime and the snapshot, scraped by Prometheus at /metrics (the
    /// access log is <see cref="AccessLog"/>).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        // Of ASP.NET Core's meters, the two whose figures are worth their cost per request: request duration and active
        // requests (Hosting), connections (Kestrel). Routing, rate-limiting and diagnostics meters record on every
        // request as well and cost about 0.8 µs of CPU each time together (bench/README.md); a 429 or 5xx shows in the
        // request duration's status label anyway.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddRuntimeInstrumentation()
            .AddMeter(StoreMetrics.MeterName)
            .AddPrometheusExporter());
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
