using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ElectionStages.Api.Operations;

/// <summary>
/// Client addresses behind a proxy: <c>X-Forwarded-For</c> and <c>-Proto</c> are honoured only from the proxies and
/// networks listed in <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c>; with none listed
/// they are ignored. The framework's own switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) trusts every sender, so a
/// client could rotate the header past the rate limiter; the service refuses to start with it.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED") || string.Equals(Environment.GetEnvironmentVariable("ASPNETCORE_FORWARDEDHEADERS_ENABLED"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts X-Forwarded-For from every client; unset it and list your proxies in " +
                "ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks instead.");
        }

        var proxies = configuration.GetSection($"{Section}:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>Applies the forwarded headers of trusted proxies; does nothing when none is configured.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var configuration = app.Configuration;
        if ((configuration.GetSection($"{Section}:KnownProxies").Get<string[]>()?.Length ?? 0) +
            (configuration.GetSection($"{Section}:KnownNetworks").Get<string[]>()?.Length ?? 0) > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
