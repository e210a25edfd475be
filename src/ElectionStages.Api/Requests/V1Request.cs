using ElectionStages.Api.Representations;
using ElectionStages.Api.Store;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace ElectionStages.Api.Requests;

/// <summary>
/// What every <c>/v1</c> handler works with, bound in one parameter with <c>[AsParameters]</c>. The compile-time binder
/// reads attributes from the properties, so the services say <c>[property: FromServices]</c>: without it a service is
/// "JSON body or service", and the OpenAPI document would show a request body.
/// </summary>
internal readonly record struct V1Request(
    HttpContext Context,
    [property: FromServices] SnapshotHolder Holder,
    [property: FromServices] Responder Responder,
    [property: FromServices] IClock Clock);

internal static class V1RequestExtensions
{
    /// <summary>
    /// The snapshot to answer from. The prelude (<see cref="V1Conventions"/>) answered 503 if none was loaded, and a
    /// loaded snapshot is only ever replaced by a newer one.
    /// </summary>
    public static CalendarSnapshot Snapshot(this V1Request request) =>
        request.Holder.Current ?? throw new InvalidOperationException("No snapshot: the /v1 prelude did not run for this endpoint.");

    /// <summary>The snapshot, or null before the first load: for a handler outside <c>/v1</c>, which has no prelude.</summary>
    public static CalendarSnapshot? LoadedSnapshot(this V1Request request) => request.Holder.Current;

    /// <summary>The media type chosen by <c>Accept</c> for an endpoint that negotiates among several.</summary>
    public static string MediaType(this V1Request request) => V1Conventions.NegotiatedMediaType(request.Context) ?? MediaTypes.Json;
}
