using Microsoft.AspNetCore.Diagnostics;

namespace ElectionStages.Api.Errors;

internal static class ProblemSetup
{
    public const string UnexpectedType = "/problems/unexpected";

    /// <summary>
    /// Unknown paths, wrong methods and unexpected failures become problem+json too, whatever the client's
    /// <c>Accept</c> (the framework's default writer gives up when a client asked only for CSV or iCalendar).
    /// </summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => TypedResults.Problem(
                type: UnexpectedType,
                title: "Something went wrong on our side.",
                detail: "The error was logged. Please try again later.",
                statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context),
        });
        app.UseStatusCodePages(context => TypedResults.Problem(
            type: context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound
                ? Problems.NotFoundType
                : $"/problems/http-{context.HttpContext.Response.StatusCode}",
            title: ReasonPhrase(context.HttpContext.Response.StatusCode),
            detail: Detail(context.HttpContext),
            statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        return app;
    }

    /// <summary>A wrong method is not an unknown path: say which, echoing the path only as far as is safe.</summary>
    private static string Detail(HttpContext context)
    {
        var (method, path) = (context.Request.Method, Problems.Shorten(context.Request.Path.Value ?? "/"));
        return context.Response.StatusCode switch
        {
            StatusCodes.Status405MethodNotAllowed => $"{method} is not allowed on {path}; this API only reads (GET). See /swagger.",
            StatusCodes.Status413PayloadTooLarge => $"{method} {path} came with request content; this API takes none. Send the request without a body.",
            _ => $"{method} {path} is not part of this API; see /swagger.",
        };
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
