using System.Diagnostics.Metrics;
using NodaTime;

namespace ElectionStages.Api.Store;

/// <summary>The snapshot's own metrics: which revision is served, how old it is, and how reloads go.</summary>
internal sealed class StoreMetrics : IDisposable
{
    public const string MeterName = "ElectionStages.Calendar";

    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> reloads;
    private readonly Counter<long> reloadFailures;

    public StoreMetrics(SnapshotHolder holder)
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
