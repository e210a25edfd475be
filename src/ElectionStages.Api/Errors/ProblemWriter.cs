using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Errors;

/// <summary>The language of a problem: Indonesian (<c>id</c>) or English (<c>en</c>), chosen by <c>Accept-Language</c>.</summary>
internal static class ProblemLanguage
{
    public const string Indonesian = "id";
    public const string English = "en";

    /// <summary>
    /// The language the client rates highest among ours (RFC 9110 §12.5.4, basic filtering: <c>id-ID</c> is
    /// Indonesian, <c>en-GB</c> English, <c>in</c> the old code for Indonesian). Indonesian when the header is absent,
    /// names neither, or rates both equally — the people this service is for read Indonesian first.
    /// </summary>
    public static string Choose(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage;
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var ranges))
        {
            return Indonesian;
        }

        double indonesian = -1, english = -1;
        foreach (var range in ranges)
        {
            var tag = range.Value.Value ?? string.Empty;
            var quality = range.Quality ?? 1.0;
            if (Matches(tag, Indonesian) || Matches(tag, "in"))
            {
                indonesian = Math.Max(indonesian, quality);
            }
            else if (Matches(tag, English))
            {
                english = Math.Max(english, quality);
            }
            else if (tag == "*")
            {
                indonesian = Math.Max(indonesian, quality);
            }
        }

        return english > 0 && english > indonesian ? English : Indonesian;
    }

    private static bool Matches(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase)
        || (tag.Length > language.Length && tag[language.Length] == '-' && tag.StartsWith(language, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Writes every problem of this API as <c>application/problem+json</c>, whatever the client's <c>Accept</c> (the
/// framework's default writer gives up when a client asked only for CSV or iCalendar, and a problem must still be
/// told). A <see cref="BilingualProblemDetails"/> goes out in the language of <see cref="ProblemLanguage"/>, with
/// <c>Content-Language</c> and <c>Vary: Accept-Language</c>; every problem carries the request's <c>traceId</c>.
/// </summary>
internal sealed class ProblemWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    private const string ContentType = "application/problem+json";
    private readonly JsonSerializerOptions options = json.Value.SerializerOptions;

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        if (problem is BilingualProblemDetails bilingual)
        {
            var language = ProblemLanguage.Choose(http.Request);
            problem = bilingual.In(language);
            http.Response.Headers.ContentLanguage = language;
            http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        }

        problem.Status ??= http.Response.StatusCode;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), options, ContentType, http.RequestAborted));
    }
}
