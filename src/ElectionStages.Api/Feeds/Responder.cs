using System.Text.Json;
using ElectionStages.Domain;
using Microsoft.Extensions.Options;

namespace ElectionStages.Api.Feeds;

/// <summary>Turns response values into cacheable representations, serialized with the app's JSON settings.</summary>
internal sealed class Responder(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions, RepresentationCache cache, AnswerCache answers)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public byte[] JsonBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, jsonOptions.Value.SerializerOptions);

    /// <summary>A representation built for this request only (e.g. a calendar for one date).</summary>
    public RepresentationResult<T> Json<T>(CalendarSnapshot snapshot, T value, NodaTime.Instant? changedSince = null) =>
        new(new Representation(JsonBytes(value), JsonContentType, snapshot, changedSince));

    /// <summary>
    /// An answer to a query (a date, a region): built once per snapshot and query and kept in a cache of bounded size,
    /// since the queries are too many to keep them all.
    /// </summary>
    public RepresentationResult<T> Answer<T>(CalendarSnapshot snapshot, string key, Func<T> build, NodaTime.Instant? changedSince = null) =>
        new(answers.GetOrAdd(snapshot, key, () => new Representation(JsonBytes(build()), JsonContentType, snapshot, changedSince)));

    /// <summary>A representation built once per snapshot under <paramref name="key"/>.</summary>
    public RepresentationResult<T> Cached<T>(CalendarSnapshot snapshot, string key, Func<Representation> build) =>
        new(cache.GetOrAdd(snapshot, key, build));
}
