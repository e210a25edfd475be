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

    public byte[] JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions.Value.SerializerOptions);

    /// <summary>
    /// The JSON representation of a resource or of an answer to a query, built once per snapshot and
    /// <paramref name="key"/>. <paramref name="changedSince"/> moves Last-Modified later (an answer about "today").
    /// </summary>
    public RepresentationResult<T> Answer<T>(CalendarSnapshot snapshot, string key, Func<T> build, NodaTime.Instant? changedSince = null) =>
        Cached<T>(snapshot, key, () => new Representation(JsonBytes(build()), JsonContentType, snapshot, changedSince));

    /// <summary>Any representation (JSON, CSV, iCalendar), built once per snapshot and <paramref name="key"/>.</summary>
    public RepresentationResult<T> Cached<T>(CalendarSnapshot snapshot, string key, Func<Representation> build) =>
        new(cache.GetOrAdd(snapshot, key, build));
}
