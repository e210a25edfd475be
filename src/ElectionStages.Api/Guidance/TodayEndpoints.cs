using System.Globalization;
using System.Text;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ElectionStages.Api.Guidance;

/// <summary>
/// The answer for sites of others: <c>/v1/regions/{code}/badge.svg</c>, an SVG badge with the day's phase, and
/// <c>/embed?region=</c>, a tiny page for an <c>iframe</c> (framing allowed for it alone; no script, no cookies, no
/// request to anywhere else).
/// </summary>
internal static class TodayEndpoints
{
    public const string SvgContentType = "image/svg+xml; charset=utf-8";

    private static readonly string[] Svg = ["image/svg+xml"];
    private static readonly string[] Languages = ["id", "en"];

    public static RouteGroupBuilder MapBadge(this RouteGroupBuilder v1)
    {
        v1.MapGet("/regions/{code}/badge.svg", Badge)
            .WithTags("ASN guidance")
            .WithName("GetRegionBadge")
            .WithSummary("A badge with the day's neutrality phase")
            .WithDescription(
                "An SVG badge for a region's sites: \"Hari ini: Masa tenang · s.d. 13 Feb 2024\". `date` (default today in " +
                "the region's zone) and `lang` (`id`, the default, or `en`). Cached with an ETag like every answer.")
            .Produces<Stream>(StatusCodes.Status200OK, "image/svg+xml")
            .Produces(StatusCodes.Status304NotModified)
            .Negotiates(Svg)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    public static WebApplication MapEmbed(this WebApplication app)
    {
        app.MapGet("/embed", Embed).ExcludeFromDescription();
        return app;
    }

    private static Results<RepresentationResult<string>, ProblemHttpResult> Badge(
        string code, string? date, string? lang, [AsParameters] V1Request request)
    {
        var snapshot = request.Snapshot();
        var (summary, language, problem) = Resolve(snapshot, code, "code", date, lang, request.Clock, inPath: true);
        if (summary is null)
        {
            return problem!;
        }

        return request.Responder.Cached<string>(
            snapshot,
            $"badge|{summary.Region.Code}|{summary.Date:uuuu-MM-dd}|{summary.IsToday}|{language}",
            () => new Representation(BadgeSvg(summary, language!), SvgContentType, snapshot, ChangedSince(summary)));
    }

    private static IResult Embed(string? region, string? date, string? lang, [AsParameters] V1Request request)
    {
        if (request.LoadedSnapshot() is not { } snapshot)
        {
            return Problems.NotLoaded();
        }

        if (region is null)
        {
            return Problems.InvalidParameter("region", new LocalizedText(
                "wajib diisi: kode wilayah, misalnya region=33.03", "is required: the region code, e.g. region=33.03"));
        }

        var (summary, language, problem) = Resolve(snapshot, region, "region", date, lang, request.Clock, inPath: false);
        if (summary is null)
        {
            return problem!;
        }

        // Framing is allowed here alone; nothing loads from anywhere, not even this origin.
        var headers = request.Context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return request.Responder.Cached<string>(
            snapshot,
            $"embed|{summary.Region.Code}|{summary.Date:uuuu-MM-dd}|{summary.IsToday}|{language}",
            () => new Representation(EmbedHtml(summary, language!), "text/html; charset=utf-8", snapshot, ChangedSince(summary)));
    }

    private static Instant? ChangedSince(DaySummary summary) =>
        summary.IsToday ? summary.Date.AtStartOfDayInZone(DateTimeZoneProviders.Tzdb[summary.Region.ZoneId]).ToInstant() : null;

    private static (DaySummary? Summary, string? Lang, ProblemHttpResult? Problem) Resolve(
        CalendarSnapshot snapshot, string code, string parameter, string? date, string? lang, IClock clock, bool inPath)
    {
        if (lang is not (null or "id" or "en"))
        {
            return (null, null, Problems.InvalidParameter("lang", Problems.NotOneOf(lang, Languages)));
        }

        if (!QueryParameters.TryParseDate(date, out var day, out var dateError))
        {
            return (null, null, Problems.InvalidParameter("date", dateError));
        }

        if (RegionCodes.Normalize(code) is not { } canonical)
        {
            return (null, null, Problems.MalformedRegionCode(parameter, code));
        }

        if (snapshot.FindRegion(canonical) is not { } region)
        {
            return (null, null, Problems.UnknownRegion(parameter, canonical, inPath));
        }

        var isToday = date is null;
        var when = isToday ? ZonedToday.In(clock, DateTimeZoneProviders.Tzdb[region.ZoneId]) : day;
        return (DaySummary.Of(snapshot, region, when, isToday), lang ?? "id", null);
    }

    /// <summary>A two-part badge: "Netralitas ASN" on grey, the day's line on the phase's colour (white text, contrast ≥ 4.5:1).</summary>
    private static byte[] BadgeSvg(DaySummary summary, string lang)
    {
        var left = lang == "en" ? "ASN neutrality" : "Netralitas ASN";
        var right = summary.Line(lang);
        var (lw, rw) = (Width(left), Width(right));
        var colour = summary.Leading switch
        {
            PhaseIds.QuietPeriod => "#b3261e",
            PhaseIds.VotingDay => "#1b5e20",
            PhaseIds.Campaign => "#a14200",
            null => "#455a64",
            _ => "#0d47a1",
        };
        var label = System.Security.SecurityElement.Escape($"{left}: {summary.Region.Name}. {right}");
        var svg = string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{lw + rw}" height="20" role="img" aria-label="{label}" data-phase="{summary.Leading ?? "none"}"><title>{label}</title><rect width="{lw}" height="20" fill="#37474f"/><rect x="{lw}" width="{rw}" height="20" fill="{colour}"/><g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11"><text x="8" y="14">{System.Security.SecurityElement.Escape(left)}</text><text x="{lw + 8}" y="14">{System.Security.SecurityElement.Escape(right)}</text></g></svg>
            """);
        return Encoding.UTF8.GetBytes(svg);
    }

    /// <summary>A generous estimate of the text's width at 11 px Verdana, plus 8 px padding on each side.</summary>
    private static int Width(string text) => 16 + (int)Math.Ceiling(text.Length * 7.2);

    private static byte[] EmbedHtml(DaySummary summary, string lang)
    {
        static string E(string text) => System.Security.SecurityElement.Escape(text) ?? string.Empty;
        var en = lang == "en";
        var link = $"/?region={Uri.EscapeDataString(summary.Region.Code)}" + (summary.IsToday ? "" : $"&date={summary.Date:uuuu-MM-dd}") + (en ? "&lang=en" : "");
        var until = summary.Until is { } last
            ? (en ? $"Holds until {DaySummary.LongDate(last, lang)}" : $"Berlaku sampai {DaySummary.LongDate(last, lang)}")
            : (en ? "No later change is recorded" : "Belum ada perubahan berikutnya yang tercatat");
        var day = summary.IsToday ? (en ? "Today" : "Hari ini") : DaySummary.LongDate(summary.Date, lang);
        var html = $"""
            <!doctype html>
            <html lang="{lang}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(en ? "ASN neutrality" : "Netralitas ASN")}: {E(summary.Region.Name)}</title>
            <style>
            body{"{"}margin:0;padding:12px;font:15px/1.4 system-ui,sans-serif;color:#1b1f23;background:#fff{"}"}
            .region{"{"}margin:0;color:#4a5560;font-size:13px{"}"}
            .phase{"{"}margin:2px 0;font-size:20px;font-weight:700;color:#0d47a1{"}"}
            .phase[data-phase="quiet-period"]{"{"}color:#b3261e{"}"}
            .until{"{"}margin:0 0 8px{"}"}
            a{"{"}color:#0b57d0{"}"}
            </style>
            </head>
            <body>
            <p class="region">{E(day)} · {E(summary.Region.Name)}</p>
            <p class="phase" id="phase" data-phase="{summary.Leading ?? "none"}">{E(summary.PhaseText(lang))}</p>
            <p class="until" id="until">{E(until)}</p>
            <p><a href="{E(link)}" target="_blank" rel="noopener">{E(en ? "What an ASN may and may not do" : "Apa yang boleh dan tidak boleh bagi ASN")}</a></p>
            </body>
            </html>
            """;
        return Encoding.UTF8.GetBytes(html);
    }
}
