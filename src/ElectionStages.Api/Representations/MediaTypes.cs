using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Representations;

internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Calendar = "text/calendar";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] JsonOnly = [Json];
    public static readonly string[] Schedule = [Json, Csv, Calendar, Xlsx];

    /// <summary>The file suffixes that pick a representation in links (<c>stages.ics</c>), in the order docs list them.</summary>
    public static readonly IReadOnlyDictionary<string, string> BySuffix = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = Json,
        ["csv"] = Csv,
        ["ics"] = Calendar,
        ["xlsx"] = Xlsx,
    };

    /// <summary>The suffixes of <see cref="BySuffix"/>, in order: <c>json, csv, ics, xlsx</c>.</summary>
    public static readonly string[] Suffixes = [.. BySuffix.Keys];

    /// <summary>The file suffix of a media type of <see cref="BySuffix"/>.</summary>
    public static string SuffixOf(string mediaType) => BySuffix.First(pair => pair.Value == mediaType).Key;

    /// <summary>
    /// The offered media type the client's <c>Accept</c> rates highest, the first offered one when there is no
    /// <c>Accept</c>, or null when none is acceptable (→ 406). As RFC 9110 §12.5.1 says, each offered type takes the
    /// quality of the most specific range that matches it (<c>text/csv</c> over <c>text/*</c> over <c>*/*</c>), so
    /// <c>q=0</c> refuses a type even when a wildcard would accept it; ties go to our order.
    /// </summary>
    public static string? Negotiate(HttpRequest request, IReadOnlyList<string> offered)
    {
        var header = request.Headers.Accept;
        // An empty Accept says nothing, like none at all (RFC 9110 §12.5.1): the first offered type.
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            return offered[0];
        }

        if (!MediaTypeHeaderValue.TryParseList(header, out var ranges) || ranges.Count == 0)
        {
            return null;
        }

        return offered
            .Select((type, order) => (Type: type, Order: order, Quality: QualityOf(type, ranges)))
            .Where(candidate => candidate.Quality > 0)
            .OrderByDescending(candidate => candidate.Quality)
            .ThenBy(candidate => candidate.Order)
            .Select(candidate => candidate.Type)
            .FirstOrDefault();
    }

    private static double QualityOf(string offered, IList<MediaTypeHeaderValue> ranges)
    {
        var slash = offered.IndexOf('/', StringComparison.Ordinal);
        var (type, subtype) = (offered[..slash], offered[(slash + 1)..]);
        var best = (Specificity: -1, Quality: 0.0);
        foreach (var range in ranges)
        {
            var specificity =
                range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) && range.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? 2
                : range.Type.Equals(type, StringComparison.OrdinalIgnoreCase) && range.SubType.Equals("*", StringComparison.Ordinal) ? 1
                : range.MatchesAllTypes ? 0
                : -1;
            if (specificity > best.Specificity)
            {
                best = (specificity, range.Quality ?? 1.0);
            }
        }

        return best.Quality;
    }
}
