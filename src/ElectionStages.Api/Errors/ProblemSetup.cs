using ElectionStages.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace ElectionStages.Api.Errors;

internal static class ProblemSetup
{
    public const string UnexpectedType = "/problems/unexpected";

    /// <summary>Problems through the framework's service, written by <see cref="ProblemWriter"/> alone.</summary>
    public static IServiceCollection AddProblems(this IServiceCollection services)
    {
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        return services.AddProblemDetails();
    }

    /// <summary>Unknown paths, wrong methods and unexpected failures become problems too, in both languages.</summary>
    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => Problems.Of(
                UnexpectedType,
                StatusCodes.Status500InternalServerError,
                new LocalizedText("Terjadi kesalahan di pihak kami.", "Something went wrong on our side."),
                new LocalizedText("Kesalahan ini sudah dicatat. Silakan coba lagi nanti.", "The error was logged. Please try again later."))
                .ExecuteAsync(context),
        });
        app.UseStatusCodePages(context =>
        {
            var status = context.HttpContext.Response.StatusCode;
            return Problems.Of(
                status == StatusCodes.Status404NotFound ? Problems.NotFoundType : $"/problems/http-{status}",
                status,
                ProblemPages.Title(status),
                Detail(context.HttpContext)).ExecuteAsync(context.HttpContext);
        });
        return app;
    }

    /// <summary>A wrong method is not an unknown path: say which, echoing the path only as far as is safe.</summary>
    private static LocalizedText Detail(HttpContext context)
    {
        var (method, path) = (Problems.Shorten(context.Request.Method), Problems.Shorten(context.Request.Path.Value ?? "/"));
        return context.Response.StatusCode switch
        {
            StatusCodes.Status405MethodNotAllowed => new LocalizedText(
                $"{method} tidak diizinkan pada {path}; API ini hanya untuk membaca (GET atau HEAD). Lihat /swagger.",
                $"{method} is not allowed on {path}; this API only reads (GET or HEAD). See /swagger."),
            StatusCodes.Status404NotFound => new LocalizedText(
                $"{method} {path} bukan bagian dari API ini; lihat /swagger.",
                $"{method} {path} is not part of this API; see /swagger."),
            StatusCodes.Status413PayloadTooLarge => new LocalizedText(
                $"{method} {path} dikirim dengan isi permintaan; API ini tidak menerima isi. Kirim permintaan tanpa isi (body).",
                $"{method} {path} came with request content; this API takes none. Send the request without a body."),
            _ => ProblemPages.Title(context.Response.StatusCode),
        };
    }
}
