using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using OpenTelemetry.Metrics;

namespace ElectionStages.Api.Representations;

internal static class RepresentationSetup
{
    /// <summary>What a page on another origin may send: content negotiation, language and revalidation.</summary>
    private static readonly string[] CorsRequestHeaders =
    [
        HeaderNames.Accept, HeaderNames.AcceptLanguage, HeaderNames.ContentLanguage, HeaderNames.IfNoneMatch,
        HeaderNames.IfModifiedSince, HeaderNames.CacheControl, HeaderNames.Pragma, "X-Requested-With",
    ];

    /// <summary>What its script may read beyond the CORS-safelisted headers: validators, waits, languages, file names.</summary>
    private static readonly string[] CorsExposedHeaders =
    [
        HeaderNames.ETag, HeaderNames.LastModified, HeaderNames.RetryAfter, HeaderNames.ContentLanguage,
        HeaderNames.ContentDisposition, HeaderNames.Vary,
    ];

    /// <summary>
    /// The JSON settings (NodaTime types, kebab-case enums), representations and their cache, open CORS for GET, and
    /// Brotli/gzip for the API's media types and the page.
    /// </summary>
    public static IServiceCollection AddRepresentations(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        services.AddOptions<RepresentationCacheOptions>().BindConfiguration(RepresentationCacheOptions.Section);
        services.AddSingleton<RepresentationCache>();
        // The cache's entries and bytes at /metrics, beside the runtime's GC figures.
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(RepresentationCache.MeterName));
        services.AddSingleton<Responder>();
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithHeaders(CorsRequestHeaders)
            .WithExposedHeaders(CorsExposedHeaders)
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
