using System.Text.Json;
using ElectionStages.Api.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ElectionStages.Api.Health;

internal static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSnapshotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<SnapshotHealthCheck>("calendar", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: a non-empty snapshot is loaded and the database
    /// answers a query within <see cref="PingTimeout"/>; degraded (503, with the kind of failure) while serving a held
    /// snapshot without the database, so a frozen server is noticed within seconds, not at the next poll.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        }).ExcludeFromDescription();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    /// <summary>How long readiness waits for the database to answer.</summary>
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    private sealed class SnapshotHealthCheck(SnapshotHolder holder, DatabasePing ping) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var snapshot = holder.Current;
            var data = new Dictionary<string, object>();
            if (snapshot is not null)
            {
                data["revision"] = snapshot.Revision;
            }

            var problem = await ping.FailureAsync(PingTimeout, cancellationToken) ?? holder.DatabaseProblem;
            return (snapshot, problem) switch
            {
                (null, _) => HealthCheckResult.Unhealthy($"no calendar loaded yet ({problem ?? "nothing imported"})", data: data),
                ({ Elections.Count: 0 }, _) or ({ Guidance.Rules.Count: 0 }, _) =>
                    HealthCheckResult.Unhealthy("the loaded calendar is empty: nothing to answer with", data: data),
                (_, not null) => HealthCheckResult.Degraded($"serving the last snapshot; database unreachable: {problem}", data: data),
                _ => HealthCheckResult.Healthy("calendar loaded and database reachable", data),
            };
        }
    }
}
