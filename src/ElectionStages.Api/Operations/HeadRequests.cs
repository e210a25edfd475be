using Microsoft.AspNetCore.Http.Features;

namespace ElectionStages.Api.Operations;

/// <summary>
/// HEAD on every GET resource (RFC 9110 §9.3.2: the same status and headers, no content), for link checkers, uptime
/// probes and caches. The request runs as the GET it stands for, into a body that discards what is written, so the
/// headers (Content-Length, ETag, Content-Encoding …) are exactly the GET's; afterwards it is HEAD again, for the
/// access log. Kestrel itself never sends a body on HEAD; the discarding body keeps that true on any server.
/// </summary>
internal static class HeadRequests
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use(static (context, next) => HttpMethods.IsHead(context.Request.Method) ? AsGet(context, next) : next(context));
        return app;
    }

    private static async Task AsGet(HttpContext context, RequestDelegate next)
    {
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    }
}
