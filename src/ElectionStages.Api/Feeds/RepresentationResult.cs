using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// Writes a prepared <see cref="Representation"/> with <c>ETag</c>, <c>Last-Modified</c>, <c>Cache-Control</c> and
/// <c>Vary: Accept</c>, or 304 with no body when the client's <c>If-None-Match</c> (or <c>If-Modified-Since</c>) still
/// holds. <typeparamref name="T"/> is the JSON shape, for the OpenAPI document.
/// </summary>
public sealed class RepresentationResult<T> : IResult, IEndpointMetadataProvider
{
    public const string CacheControl = "public, max-age=300";

    private readonly Representation representation;

    internal RepresentationResult(Representation representation) => this.representation = representation;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var headers = response.GetTypedHeaders();
        response.Headers.ETag = representation.ETag;
        headers.LastModified = representation.LastModified;
        response.Headers.CacheControl = CacheControl;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (IsNotModified(httpContext.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = representation.ContentType;
        response.ContentLength = representation.Body.Length;
        return response.Body.WriteAsync(representation.Body, httpContext.RequestAborted).AsTask();
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
        var typed = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return typed.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(representation.ParsedETag, useStrongComparison: false));
        }

        return typed.IfModifiedSince is { } since && representation.LastModified.AddTicks(-(representation.LastModified.Ticks % TimeSpan.TicksPerSecond)) <= since;
    }
}
