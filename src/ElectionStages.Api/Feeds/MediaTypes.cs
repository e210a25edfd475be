using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Feeds;

internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Calendar = "text/calendar";

    public static readonly string[] JsonOnly = [Json];
    public static readonly string[] Schedule = [Json, Csv, Calendar];

    /// <summary>
    /// The offered media type the client's <c>Accept</c> prefers (by quality, then by our order), the first offered one
    /// when there is no <c>Accept</c>, or null when nothing offered is acceptable (→ 406).
    /// </summary>
    public static string? Negotiate(HttpRequest request, IReadOnlyList<string> offered)
    {
        var header = request.Headers.Accept;
        if (header.Count == 0 || !MediaTypeHeaderValue.TryParseList(header, out var accepted) || accepted.Count == 0)
        {
            return header.Count == 0 ? offered[0] : null;
        }

        return accepted
            .Select((range, index) => (Range: range, Quality: range.Quality ?? 1.0, Index: index))
            .Where(a => a.Quality > 0)
            .OrderByDescending(a => a.Quality)
            .ThenBy(a => a.Index)
            .Select(a => offered.FirstOrDefault(o => new MediaTypeHeaderValue(o).IsSubsetOf(a.Range.Type.HasValue ? WithoutParameters(a.Range) : a.Range)))
            .FirstOrDefault(match => match is not null);
    }

    private static MediaTypeHeaderValue WithoutParameters(MediaTypeHeaderValue range) => new(range.MediaType);
}
