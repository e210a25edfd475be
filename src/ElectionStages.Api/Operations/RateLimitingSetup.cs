using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using ElectionStages.Api.Errors;
using ElectionStages.Domain;
using Microsoft.AspNetCore.RateLimiting;

namespace ElectionStages.Api.Operations;

internal sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Requests one client address may make per window.</summary>
    public int PermitLimit { get; set; } = 1000;

    public int WindowSeconds { get; set; } = 10;

    /// <summary>Whether <c>/metrics</c> is exempt like the health endpoints; by default it is limited like the API.</summary>
    public bool ExemptMetrics { get; set; }
}

internal static class RateLimitingSetup
{
    public const string TooManyRequestsType = "/problems/too-many-requests";

    /// <summary>
    /// The built-in limiter: a fixed window per client address (behind a proxy, configure forwarded headers so this is
    /// the caller's address). Health endpoints are exempt so probes never starve; <c>/metrics</c> is limited like the
    /// API (a scrape every few seconds is far below the limit) unless <c>RateLimiting:ExemptMetrics</c> is true.
    /// </summary>
    public static IServiceCollection AddClientRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        if (settings.PermitLimit < 1 || settings.WindowSeconds < 1)
        {
            throw new InvalidOperationException("RateLimiting:PermitLimit and RateLimiting:WindowSeconds must be at least 1.");
        }

        // One factory for every partition, made once: RateLimitPartition.GetFixedWindowLimiter would allocate two
        // closures per request. AutoReplenishment is off as there: the partitioned limiter's own timer replenishes.
        Func<IPAddress, RateLimiter> newLimiter = _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = TimeSpan.FromSeconds(settings.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = false,
        });
        services.AddRateLimiter(options =>
        {
            // Partitioned by the address itself (not its string form, which would be formatted on every request);
            // IPAddress.None stands for "unknown" and the exempt paths share one unlimited partition.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, IPAddress>(context =>
                IsExempt(context.Request.Path, settings.ExemptMetrics)
                    ? RateLimitPartition.GetNoLimiter(IPAddress.IPv6None)
                    : RateLimitPartition.Get(context.Connection.RemoteIpAddress ?? IPAddress.None, newLimiter));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : settings.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await Problems.Of(
                    TooManyRequestsType,
                    StatusCodes.Status429TooManyRequests,
                    new LocalizedText("Terlalu banyak permintaan.", "Too many requests."),
                    new LocalizedText(
                        $"Alamat ini boleh mengirim {settings.PermitLimit} permintaan per {settings.WindowSeconds} detik; coba lagi setelah {retryAfter} detik.",
                        $"This client may make {settings.PermitLimit} requests per {settings.WindowSeconds} s; retry after {retryAfter} s."))
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static bool IsExempt(PathString path, bool exemptMetrics) =>
        // Paths match without regard to case (/HEALTH/LIVE is the same endpoint), so the exemption does too.
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ||
        (exemptMetrics && path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase));
}
