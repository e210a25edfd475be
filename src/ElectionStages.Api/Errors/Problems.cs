using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ElectionStages.Api.Errors;

/// <summary>
/// RFC 9457 problems with one stable <c>type</c> per kind of problem. Every 4xx about a request parameter names it in
/// <c>parameter</c> and in <c>errors</c> (the ASP.NET Core validation shape).
/// </summary>
internal static class Problems
{
    public const string InvalidParameterType = "/problems/invalid-parameter";
    public const string NotFoundType = "/problems/not-found";
    public const string NotLoadedType = "/problems/calendar-not-loaded";
    public const string NotAcceptableType = "/problems/not-acceptable";

    public static ProblemHttpResult InvalidParameter(string parameter, string reason) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [reason] })
        {
            Type = InvalidParameterType,
            Title = "A request parameter is invalid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = $"{parameter}: {reason}",
            Extensions = { ["parameter"] = parameter },
        });

    public static ProblemHttpResult NotFound(string parameter, string reason) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [reason] })
        {
            Type = NotFoundType,
            Title = "No such resource.",
            Status = StatusCodes.Status404NotFound,
            Detail = $"{parameter}: {reason}",
            Extensions = { ["parameter"] = parameter },
        });

    /// <summary><paramref name="input"/> is not a region code at all.</summary>
    public static ProblemHttpResult MalformedRegionCode(string parameter, string input) =>
        InvalidParameter(parameter, $"'{Shorten(input)}' is not a province code like 33 or a regency/city code like 33.03 or 3303");

    /// <summary>A well-formed region code that names no region: 404 for a path, 400 for a query parameter.</summary>
    public static ProblemHttpResult UnknownRegion(string parameter, string code, bool inPath)
    {
        var reason = $"no region has the code '{code}'; GET /v1/regions lists them";
        return inPath ? NotFound(parameter, reason) : InvalidParameter(parameter, reason);
    }

    public static ProblemHttpResult NotAcceptable(IReadOnlyList<string> offered) =>
        TypedResults.Problem(new ProblemDetails
        {
            Type = NotAcceptableType,
            Title = "None of the accepted media types can be served.",
            Status = StatusCodes.Status406NotAcceptable,
            Detail = $"Accept: this resource is available as {string.Join(", ", offered)}.",
            Extensions = { ["parameter"] = "Accept", ["available"] = offered },
        });

    /// <summary>
    /// What a message may echo of the client's input: at most 40 characters, and never markup (<c>&lt;</c>, <c>&gt;</c>
    /// and <c>&amp;</c> become entities), so a problem shown in a web page cannot carry a script.
    /// </summary>
    public static string Shorten(string value)
    {
        var shortened = value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
        return shortened.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    public static ProblemHttpResult NotLoaded() =>
        TypedResults.Problem(
            type: NotLoadedType,
            title: "The calendar is not loaded yet.",
            detail: "This instance has not loaded any calendar data from the database yet; retry shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
}
