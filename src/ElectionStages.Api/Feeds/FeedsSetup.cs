using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Feeds;

internal static class FeedsSetup
{
    /// <summary>Representations and their cache, open CORS for GET, and Brotli/gzip for the API's media types and the page.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddOptions<RepresentationCacheOptions>().BindConfiguration(RepresentationCacheOptions.Section);
        services.AddSingleton<RepresentationCache>();
        services.AddSingleton<Responder>();
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get)
            .WithHeaders(HeaderNames.Accept, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince)
            .WithExposedHeaders(HeaderNames.ETag, HeaderNames.LastModified)
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        services.AddResponseCompression(options =>
        {
            // The data is public; compressing it over HTTPS leaks nothing.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes =
            [
                MediaTypes.Json, "application/problem+json", MediaTypes.Csv, MediaTypes.Calendar,
                "text/html", "text/css", "text/javascript", "image/svg+xml",
            ];
        });
        return services;
    }
}
