namespace ElectionStages.Api.Operations;

internal static class KestrelLimits
{
    /// <summary>A read-only GET API: no request bodies, modest headers, no Server header.</summary>
    public static IWebHostBuilder UseReadOnlyApiLimits(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 0;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
        });
}
