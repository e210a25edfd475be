using System.Text.Json;
using ElectionStages.Domain;
using Microsoft.Extensions.Options;

namespace ElectionStages.Api.Representations;

/// <summary>Turns response values into cacheable representations, serialized with the app's JSON settings.</summary>
internal sealed class Responder(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions, RepresentationCache cache)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string CsvContentType = "text/csv; charset=utf-8; header=present";

    public const string CalendarContentType = "text/calendar; charset=utf-8";

    public const string XlsxContentType = MediaTypes.Xlsx;

    public byte[] JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions.Value.SerializerOptions);

    /// <summary>
    /// The JSON representation of a resource or of an answer to a query, built once per snapshot and
    /// <paramref name="key"/>. <paramref name="changedSince"/> moves Last-Modified later (an answer about "today").
    /// </summary>
    public RepresentationResult<T> Answer<T>(CalendarSnapshot snapshot, string key, Func<T> build, NodaTime.Instant? changedSince = null) =>
        Cached<T>(snapshot, key, () => new Representation(JsonBytes(build()), JsonContentType, snapshot, changedSince));

    /// <summary>
    /// A file representation (CSV, iCalendar or XLSX) named <paramref name="fileStem"/> plus the media type's suffix.
    /// CSV and XLSX are <c>attachment</c>s: a browser saves them under that name. iCalendar is <c>inline</c>, so a
    /// browser may hand it to the calendar app (calendar clients that subscribe ignore the header); the name still
    /// applies when it is saved.
    /// </summary>
    public static Representation File(byte[] body, string mediaType, string fileStem, CalendarSnapshot snapshot) =>
        new(body, ContentTypeOf(mediaType), snapshot)
        {
            ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(mediaType == MediaTypes.Calendar ? "inline" : "attachment")
            {
                FileName = $"{fileStem}.{MediaTypes.SuffixOf(mediaType)}",
            }.ToString(),
            Compressible = mediaType != MediaTypes.Xlsx,
        };

    private static string ContentTypeOf(string mediaType) => mediaType switch
    {
        MediaTypes.Csv => CsvContentType,
        MediaTypes.Calendar => CalendarContentType,
        MediaTypes.Xlsx => XlsxContentType,
        _ => throw new ArgumentOutOfRangeException(nameof(mediaType), mediaType, "not a file media type"),
    };

    /// <summary>Any representation (JSON, CSV, iCalendar, XLSX), built once per snapshot and <paramref name="key"/>.</summary>
    public RepresentationResult<T> Cached<T>(CalendarSnapshot snapshot, string key, Func<Representation> build) =>
        new(cache.GetOrAdd(snapshot, key, build));
}
