namespace ElectionStages.Api.Operations;

internal static class KestrelLimits
{
    /// <summary>File descriptors kept back from connections: the runtime, logging, the database pool, health probes.</summary>
    public const int ReservedDescriptors = 256;

    /// <summary>
    /// A read-only GET API: no request bodies, modest headers, no Server header, and at most as many open connections
    /// as the process has file descriptors to spare (<see cref="ConnectionLimit"/>): past that Kestrel refuses new
    /// connections instead of the process running out of descriptors and aborting. <c>Kestrel:MaxConnections</c>
    /// sets the limit by hand.
    /// </summary>
    public static IWebHostBuilder UseReadOnlyApiLimits(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            var limit = context.Configuration.GetValue<long?>("Kestrel:MaxConnections") ?? ConnectionLimit(OpenFilesLimit());
            kestrel.Limits.MaxConcurrentConnections = limit;
            kestrel.Limits.MaxConcurrentUpgradedConnections = limit;
        });

    /// <summary>
    /// A GET or HEAD that carries content (<c>Content-Length</c> above 0 or <c>Transfer-Encoding</c>) gets 413 as a
    /// problem: Kestrel would refuse the body only when something reads it (<c>MaxRequestBodySize</c> is 0), which no
    /// endpoint does, and then without a body of its own. Other methods get the router's 405. Runs inside the problem
    /// responses; the unread content makes Kestrel close the connection afterwards.
    /// </summary>
    public static WebApplication UseNoRequestContent(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
                context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true &&
                request.ContentLength != 0)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// The connections a process with <paramref name="openFiles"/> descriptors can hold: three quarters, keeping at least
    /// <see cref="ReservedDescriptors"/> back, and at least 64.
    /// </summary>
    public static long ConnectionLimit(long? openFiles) =>
        openFiles is { } files ? Math.Max(64, Math.Min(files - ReservedDescriptors, files * 3 / 4)) : 10_000;

    /// <summary>The soft limit on open files (<c>ulimit -n</c>) from <c>/proc/self/limits</c>, or null where there is none.</summary>
    public static long? OpenFilesLimit()
    {
        const string path = "/proc/self/limits";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && long.TryParse(fields[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var soft)
                    ? soft
                    : null;
            }
        }

        return null;
    }
}
