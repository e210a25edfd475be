using System.Diagnostics.Metrics;
using ElectionStages.Api.Data;
using Microsoft.AspNetCore.HttpLogging;
using NodaTime;
using OpenTelemetry.Metrics;

namespace ElectionStages.Api.Operations;

/// <summary>The snapshot's own metrics: which revision is served, how old it is, and how reloads go.</summary>
internal sealed class CalendarMetrics : IDisposable
{
    public const string MeterName = "ElectionStages.Calendar";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> reloads;
    private readonly Counter<long> reloadFailures;

    public CalendarMetrics(SnapshotHolder holder)
    {
        // Real elapsed time, not the IClock that decides what "today" is (tests fix that one).
        var clock = SystemClock.Instance;
        meter.CreateObservableGauge("electionstages.calendar.revision", () => holder.Current?.Revision ?? 0,
            description: "Data revision of the snapshot being served (0: none loaded)");
        meter.CreateObservableGauge("electionstages.calendar.age", () => holder.Current is { } snapshot
                ? (clock.GetCurrentInstant() - snapshot.ImportedAt).TotalSeconds
                : 0,
            unit: "s", description: "Seconds since the served revision was imported");
        meter.CreateObservableGauge("electionstages.database.reachable", () => holder.DatabaseProblem is null ? 1 : 0,
            description: "1 while the last contact with PostgreSQL succeeded");
        reloads = meter.CreateCounter<long>("electionstages.calendar.reloads", description: "Snapshots loaded");
        reloadFailures = meter.CreateCounter<long>("electionstages.calendar.reload_failures",
            description: "Failed attempts to reach the database or load a snapshot");
    }

    public void Reloaded() => reloads.Add(1);

    public void ReloadFailed() => reloadFailures.Add(1);

    public void Dispose() => meter.Dispose();
}

internal static class Telemetry
{
    /// <summary>
    /// OpenTelemetry metrics for ASP.NET Core, the runtime and the snapshot, scraped by Prometheus at /metrics; and one
    /// log line per request (method, path, status, duration) at Information.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<CalendarMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(CalendarMetrics.MeterName)
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
