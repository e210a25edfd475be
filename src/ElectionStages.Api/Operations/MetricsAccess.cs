namespace ElectionStages.Api.Operations;

internal static class MetricsAccess
{
    private const string Path = "/metrics";

    /// <summary>
    /// <c>/metrics</c> is read with GET (or HEAD) only: any other method gets 405 with <c>Allow: GET, HEAD</c>, as a
    /// problem like every other 405. It applies where the metrics endpoint was matched (so a disabled or host-bound
    /// <c>/metrics</c> stays 404 elsewhere). Runs after routing, inside the problem responses.
    /// </summary>
    public static WebApplication UseMetricsReadOnly(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null &&
                context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase) &&
                !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                context.Response.Headers.Allow = "GET, HEAD";
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }
}
