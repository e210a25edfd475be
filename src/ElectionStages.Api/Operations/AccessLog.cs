using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using ZLogger;
using ZLogger.Formatters;

namespace ElectionStages.Api.Operations;

/// <summary>
/// The access log: one line per request, <c>GET /v1/calendar?date=2024-02-12 200 412us</c>, at Information in the
/// category <see cref="Category"/> (set it to Warning to silence it). The target is the request line's, as received:
/// Kestrel has refused control characters in it, and nothing percent-decoded can forge a second line.
/// </summary>
/// <remarks>
/// Why not the framework's HttpLogging: it wrote 8 console lines per request and roughly doubled the CPU a small answer
/// costs. Here the line is a ZLogger message (source-generated, no boxing, no string) written by ZLogger's console
/// provider, which formats to UTF-8 and writes on its own thread; every other log entry goes there too, one line each
/// (an exception's stack trace follows its line).
/// </remarks>
internal static partial class AccessLog
{
    public const string Category = "ElectionStages.AccessLog";

    /// <summary>The console as the only text sink: <c>2026-12-04 10:15:02.123 INF Category: message</c>, UTC.</summary>
    public static ILoggingBuilder AddOneLineConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddEventSourceLogger();
        logging.AddZLoggerConsole(options => options.UsePlainTextFormatter(formatter =>
            formatter.SetPrefixFormatter(
                $"{0:utc-longdate} {1:short} {2}: ",
                static (in MessageTemplate template, in LogInfo info) => template.Format(info.Timestamp, info.LogLevel, info.Category))));
        return logging;
    }

    /// <summary>First in the pipeline (after the forwarded headers), so it sees HEAD as HEAD and every status.</summary>
    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(next => context => logger.IsEnabled(LogLevel.Information) ? Logged(context, next, logger) : next(context));
    }

    private static async Task Logged(HttpContext context, RequestDelegate next, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var request = context.Request;
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
            // An exception that escaped every handler becomes the server's 500 (or a reset once the answer started).
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            // Whole microseconds: formatting a double with a pattern cost more than the rest of the line.
            Request(logger, request.Method, target, status, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }

    [ZLoggerMessage(LogLevel.Information, "{method} {target} {status} {microseconds}us")]
    private static partial void Request(ILogger logger, string method, string target, int status, long microseconds);
}
