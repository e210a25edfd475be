using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Representations;

/// <summary>
/// Writes a prepared <see cref="Representation"/> with <c>ETag</c>, <c>Last-Modified</c>, <c>Cache-Control</c> and
/// <c>Vary: Accept, Accept-Encoding</c>, or 304 with no body when the client's <c>If-None-Match</c> (or
/// <c>If-Modified-Since</c>) still holds. The body goes out Brotli- or gzip-compressed when the client accepts it, from
/// the compressed bytes the representation keeps (the response-compression middleware leaves a response that already
/// has a <c>Content-Encoding</c> alone). <typeparamref name="T"/> is the JSON shape, for the OpenAPI document.
/// </summary>
public sealed class RepresentationResult<T> : IResult, IEndpointMetadataProvider
{
    public const string CacheControl = "public, max-age=300";

    private const string VaryValue = "Accept, Accept-Encoding";

    private readonly Representation representation;

    internal RepresentationResult(Representation representation) => this.representation = representation;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers.ETag = representation.ETag;
        response.Headers.LastModified = representation.LastModifiedHeader;
        response.Headers.CacheControl = CacheControl;
        response.Headers.Append(HeaderNames.Vary, VaryValue);
        if (IsNotModified(httpContext.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = representation.ContentType;
        if (representation.ContentDisposition is { } disposition)
        {
            response.Headers.ContentDisposition = disposition;
        }

        var body = representation.Body;
        if (representation.Compressible && ContentCodings.Choose(httpContext.Request) is { } coding)
        {
            body = representation.Encoded(coding);
            response.Headers.ContentEncoding = coding;
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider is implemented by a static member.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), MediaTypes.JsonOnly));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }

    private bool IsNotModified(HttpRequest request)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], representation.ETag, StringComparison.Ordinal))
        {
            // What a cache sends back most of the time: the ETag exactly as given, so no parsing.
            return true;
        }

        var typed = request.GetTypedHeaders();
        if (ifNoneMatch.Count > 0)
        {
            return typed.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(representation.ParsedETag, useStrongComparison: false));
        }

        // A date later than now is invalid (RFC 9110 §13.1.3): it is ignored, not taken as "nothing changed since".
        return typed.IfModifiedSince is { } since && since <= DateTimeOffset.UtcNow &&
            representation.LastModified.AddTicks(-(representation.LastModified.Ticks % TimeSpan.TicksPerSecond)) <= since;
    }
}
