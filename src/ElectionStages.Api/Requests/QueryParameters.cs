using ElectionStages.Api.Errors;
using ElectionStages.Domain;
using NodaTime;
using NodaTime.Text;

namespace ElectionStages.Api.Requests;

/// <summary>
/// Parses the shared query parameters strictly. Parameters are bound as strings so that a bad value becomes our own
/// problem naming the parameter, never a framework 400 without a reason or a guess.
/// </summary>
internal static class QueryParameters
{
    private static readonly LocalizedText None = new(string.Empty, string.Empty);

    public const int MaxLength = 100;

    public static bool TryParseZone(string? zoneId, out DateTimeZone zone, out LocalizedText error)
    {
        zone = DateTimeZone.Utc;
        if (zoneId is null)
        {
            zone = DateTimeZoneProviders.Tzdb[ZonedToday.DefaultZoneId];
            error = None;
            return true;
        }

        if (zoneId.Length > MaxLength || DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } found)
        {
            error = new LocalizedText(
                $"'{Problems.Shorten(zoneId)}' bukan id zona waktu IANA; Indonesia memakai Asia/Jakarta dan Asia/Pontianak (WIB), Asia/Makassar (WITA) dan Asia/Jayapura (WIT)",
                $"'{Problems.Shorten(zoneId)}' is not an IANA time zone id; Indonesia uses Asia/Jakarta and Asia/Pontianak (WIB), Asia/Makassar (WITA) and Asia/Jayapura (WIT)");
            return false;
        }

        zone = found;
        error = None;
        return true;
    }

    public static bool TryParseDate(string? text, out LocalDate date, out LocalizedText error)
    {
        date = default;
        error = None;
        if (text is null)
        {
            return true;
        }

        // The round trip rejects what the parser would skip over, e.g. a NUL and whatever follows it. Years outside
        // 0001-9999 (NodaTime takes -2024 and 0000) are refused: the answer echoes the date as an OpenAPI `format: date`
        // (RFC 3339 full-date), which clients read into types that hold no other years.
        var result = text.Length <= MaxLength ? LocalDatePattern.Iso.Parse(text) : null;
        if (result is not { Success: true } || LocalDatePattern.Iso.Format(result.Value) != text || result.Value.Year is < 1 or > 9999)
        {
            error = new LocalizedText(
                $"'{Problems.Shorten(text)}' bukan tanggal kalender yang nyata dalam bentuk yyyy-MM-dd (tahun 0001 sampai 9999)",
                $"'{Problems.Shorten(text)}' is not a real calendar date in yyyy-MM-dd form (years 0001 to 9999)");
            return false;
        }

        date = result.Value;
        return true;
    }

    /// <summary>
    /// <c>bom</c>: <c>true</c> puts a UTF-8 byte order mark before a CSV (for Excel), <c>false</c> or absent does not.
    /// Any other value is a problem, also where the representation is not CSV, so a typo never goes unnoticed.
    /// </summary>
    public static bool TryParseBom(string? text, out bool bom, out LocalizedText error)
    {
        bom = text == "true";
        error = None;
        if (text is null or "true" or "false")
        {
            return true;
        }

        error = new LocalizedText(
            $"'{Problems.Shorten(text)}' bukan true atau false; bom=true mengawali CSV dengan penanda urutan bita UTF-8 untuk Excel",
            $"'{Problems.Shorten(text)}' is neither true nor false; bom=true starts a CSV with a UTF-8 byte order mark for Excel");
        return false;
    }
}
