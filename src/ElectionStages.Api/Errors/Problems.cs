using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ElectionStages.Api.Errors;

/// <summary>
/// RFC 9457 problems with one stable <c>type</c> per kind of problem. Every 4xx about a request parameter names it in
/// <c>parameter</c> and in <c>errors</c> (the ASP.NET Core validation shape). Every title, detail and reason is written
/// in Indonesian and in English; <see cref="ProblemWriter"/> sends the language the client's <c>Accept-Language</c>
/// asks for (Indonesian when it asks for neither).
/// </summary>
internal static class Problems
{
    public const string InvalidParameterType = "/problems/invalid-parameter";
    public const string UnknownParameterType = "/problems/unknown-parameter";
    public const string NotFoundType = "/problems/not-found";
    public const string NotLoadedType = "/problems/calendar-not-loaded";
    public const string NotAcceptableType = "/problems/not-acceptable";

    public static ProblemHttpResult InvalidParameter(string parameter, LocalizedText reason) =>
        Parameter(InvalidParameterType, StatusCodes.Status400BadRequest,
            new LocalizedText("Parameter permintaan tidak valid.", "A request parameter is invalid."), parameter, reason);

    public static ProblemHttpResult NotFound(string parameter, LocalizedText reason) =>
        Parameter(NotFoundType, StatusCodes.Status404NotFound,
            new LocalizedText("Data yang diminta tidak ada.", "No such resource."), parameter, reason);

    /// <summary>A query parameter the endpoint does not have: named, with the closest one it does have.</summary>
    public static ProblemHttpResult UnknownParameter(string parameter, string? nearest, IReadOnlyList<string> known)
    {
        var name = Shorten(parameter);
        var list = string.Join(", ", known);
        // The detail reads "regoin: bukan parameter …" and errors.regoin holds the reason: the name is said once.
        var reason = (nearest, known.Count) switch
        {
            (_, 0) => new LocalizedText(
                "bukan parameter alamat ini; alamat ini tidak menerima parameter kueri",
                "not a parameter of this endpoint, which takes no query parameters"),
            (null, _) => new LocalizedText(
                $"bukan parameter alamat ini; yang dikenal: {list}",
                $"not a parameter of this endpoint; it knows: {list}"),
            _ => new LocalizedText(
                $"bukan parameter alamat ini; mungkin maksud Anda '{nearest}'? Yang dikenal: {list}",
                $"not a parameter of this endpoint; did you mean '{nearest}'? It knows: {list}"),
        };
        var result = Parameter(UnknownParameterType, StatusCodes.Status400BadRequest,
            new LocalizedText("Parameter permintaan tidak dikenal.", "Unknown request parameter."), name, reason);
        result.ProblemDetails.Extensions["known"] = known;
        if (nearest is not null)
        {
            result.ProblemDetails.Extensions["nearest"] = nearest;
        }

        return result;
    }

    /// <summary><paramref name="input"/> is not a region code at all.</summary>
    public static ProblemHttpResult MalformedRegionCode(string parameter, string input) =>
        InvalidParameter(parameter, new LocalizedText(
            $"'{Shorten(input)}' bukan kode provinsi seperti 33 atau kode kabupaten/kota seperti 33.03 atau 3303",
            $"'{Shorten(input)}' is not a province code like 33 or a regency/city code like 33.03 or 3303"));

    /// <summary>A well-formed region code that names no region: 404 for a path, 400 for a query parameter.</summary>
    public static ProblemHttpResult UnknownRegion(string parameter, string code, bool inPath)
    {
        var reason = new LocalizedText(
            $"tidak ada wilayah dengan kode '{code}'; daftarnya ada di GET /v1/regions",
            $"no region has the code '{code}'; GET /v1/regions lists them");
        return inPath ? NotFound(parameter, reason) : InvalidParameter(parameter, reason);
    }

    /// <summary>An id in the path that names nothing of its kind (<paramref name="what"/>), with the list to look in.</summary>
    public static ProblemHttpResult UnknownId(string id, LocalizedText what, string listPath) =>
        NotFound("id", new LocalizedText(
            $"tidak ada {what.Id} dengan id '{Shorten(id)}'; daftarnya ada di GET {listPath}",
            $"no {what.En} has the id '{Shorten(id)}'; GET {listPath} lists them"));

    /// <summary>The value is not one of <paramref name="allowed"/>.</summary>
    public static LocalizedText NotOneOf(string value, IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return new LocalizedText($"'{Shorten(value)}' bukan salah satu dari {list}", $"'{Shorten(value)}' is not one of {list}");
    }

    public static ProblemHttpResult NotAcceptable(IReadOnlyList<string> offered)
    {
        var list = string.Join(", ", offered);
        return TypedResults.Problem(new BilingualProblemDetails
        {
            Type = NotAcceptableType,
            Status = StatusCodes.Status406NotAcceptable,
            TitleText = new LocalizedText("Tidak satu pun jenis media yang Anda terima dapat dilayani.", "None of the accepted media types can be served."),
            DetailText = new LocalizedText($"Accept: data ini tersedia sebagai {list}.", $"Accept: this resource is available as {list}."),
            Extensions = { ["parameter"] = "Accept", ["available"] = offered },
        });
    }

    public static ProblemHttpResult NotLoaded() =>
        TypedResults.Problem(new BilingualProblemDetails
        {
            Type = NotLoadedType,
            Status = StatusCodes.Status503ServiceUnavailable,
            TitleText = new LocalizedText("Kalender belum dimuat.", "The calendar is not loaded yet."),
            DetailText = new LocalizedText(
                "Layanan ini belum memuat data kalender dari basis data; silakan coba lagi sebentar lagi.",
                "This instance has not loaded any calendar data from the database yet; retry shortly."),
        });

    /// <summary>Any other problem, in both languages.</summary>
    public static ProblemHttpResult Of(string type, int status, LocalizedText title, LocalizedText detail) =>
        TypedResults.Problem(new BilingualProblemDetails { Type = type, Status = status, TitleText = title, DetailText = detail });

    /// <summary>
    /// What a message may echo of the client's input: at most 40 characters, and never markup (<c>&lt;</c>, <c>&gt;</c>
    /// and <c>&amp;</c> become entities), so a problem shown in a web page cannot carry a script.
    /// </summary>
    public static string Shorten(string value)
    {
        var shortened = value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
        return shortened.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static ProblemHttpResult Parameter(string type, int status, LocalizedText title, string parameter, LocalizedText reason) =>
        TypedResults.Problem(new BilingualProblemDetails
        {
            Type = type,
            Status = status,
            TitleText = title,
            DetailText = new LocalizedText($"{parameter}: {reason.Id}", $"{parameter}: {reason.En}"),
            Reasons = new Dictionary<string, LocalizedText> { [parameter] = reason },
            Extensions = { ["parameter"] = parameter },
        });
}

/// <summary>
/// A problem written in both languages. Only <see cref="ProblemWriter"/> turns it into the wire form (one language's
/// <c>title</c>, <c>detail</c> and <c>errors</c>); its bilingual members are never serialized themselves.
/// </summary>
internal sealed class BilingualProblemDetails : ProblemDetails
{
    public required LocalizedText TitleText { get; init; }

    public LocalizedText? DetailText { get; init; }

    /// <summary>The reason per parameter, sent as <c>errors</c> (the ASP.NET Core validation shape).</summary>
    public IReadOnlyDictionary<string, LocalizedText>? Reasons { get; init; }

    /// <summary>The problem in one language, as it is sent.</summary>
    public ProblemDetails In(string language)
    {
        static string Pick(LocalizedText text, string language) => language == ProblemLanguage.English ? text.En : text.Id;
        ProblemDetails problem = Reasons is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(Reasons.ToDictionary(pair => pair.Key, pair => new[] { Pick(pair.Value, language) }));
        problem.Type = Type;
        problem.Status = Status;
        problem.Title = Pick(TitleText, language);
        problem.Detail = DetailText is null ? null : Pick(DetailText, language);
        problem.Instance = Instance;
        foreach (var (key, value) in Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
