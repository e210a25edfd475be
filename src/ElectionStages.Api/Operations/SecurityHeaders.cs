namespace ElectionStages.Api.Operations;

internal static class SecurityHeaders
{
    /// <summary>
    /// <c>X-Content-Type-Options: nosniff</c> on every response, problems and health included, so no browser reads a
    /// CSV or a problem as a script or a page.
    /// </summary>
    public static WebApplication UseNoSniff(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        return app;
    }
}
