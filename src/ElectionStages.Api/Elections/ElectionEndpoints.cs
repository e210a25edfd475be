using ElectionStages.Api.Errors;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Elections;

/// <summary><c>/v1/elections</c>: the elections, their stage schedules (JSON, CSV, iCalendar) and their contests.</summary>
internal static class ElectionEndpoints
{
    public static RouteGroupBuilder MapElections(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/elections").WithTags("Elections");

        group.MapGet("/", ListElections)
            .WithName("ListElections")
            .WithSummary("All elections")
            .WithDescription("Every election in the calendar, oldest voting day first, with its regulation and stage count.")
            .Negotiates(MediaTypes.JsonOnly);

        group.MapGet("/{id}", GetElection)
            .WithName("GetElection")
            .WithSummary("One election")
            .WithDescription("One election by its id, e.g. `pemilu-2024`.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/stages", (string id, [AsParameters] V1Request request) => GetStages(id, request.MediaType(), request))
            .WithName("GetElectionStages")
            .WithSummary("The stage schedule of one election")
            .WithDescription(
                "Every stage and sub-stage in schedule order, each with its dates (or rule), legal source and confidence. " +
                "By `Accept`: JSON (default), `text/csv` (one row per stage, the seed-data columns) or `text/calendar` " +
                "(one all-day event per dated stage that was held).")
            .Produces<ElectionStagesResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar)
            .Produces(StatusCodes.Status304NotModified)
            .Negotiates(MediaTypes.Schedule)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/contests", GetContests)
            .WithName("GetElectionContests")
            .WithSummary("The contests of one election and the dates of their neutrality phases")
            .WithDescription(
                "Each race (presidential, legislative, governor, regent-mayor) with its phases — pre-candidacy, " +
                "candidates-determined, campaign, quiet-period, voting-day, post-voting — and their dates, bounded by " +
                "stages of the schedule. A phase the sources give no dates for is left out.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/stages.{format}", (string id, string format, [AsParameters] V1Request request) =>
                MediaTypes.BySuffix.TryGetValue(format, out var mediaType)
                    ? GetStages(id, mediaType, request)
                    : Problems.NotFound("format", $"'{Problems.Shorten(format)}' is not one of json, csv, ics"))
            .WithName("GetElectionStagesFile")
            .WithSummary("The stage schedule as a file, for links")
            .WithDescription("The same schedule chosen by suffix instead of `Accept`: `stages.json`, `stages.csv` or `stages.ics` (subscribe to it as a webcal:// link).")
            .Produces<ElectionStagesResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return v1;
    }

    private static Results<RepresentationResult<IReadOnlyList<ElectionResponse>>, ProblemHttpResult> ListElections(
        [AsParameters] V1Request request)
    {
        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        return responder.Cached<IReadOnlyList<ElectionResponse>>(snapshot, "elections", () => new Representation(
            responder.JsonBytes<IReadOnlyList<ElectionResponse>>(
                [.. snapshot.Elections.Select(e => ElectionResponse.From(e, snapshot)), .. snapshot.Expected.Select(e => ElectionResponse.From(e, snapshot))]),
            Responder.JsonContentType,
            snapshot));
    }

    private static Results<RepresentationResult<ElectionResponse>, ProblemHttpResult> GetElection(
        string id, [AsParameters] V1Request request)
    {
        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (Response(snapshot, id) is not { } found)
        {
            return UnknownElection(id);
        }

        return responder.Cached<ElectionResponse>(snapshot, $"election/{id}", () => new Representation(
            responder.JsonBytes(found), Responder.JsonContentType, snapshot));
    }

    private static Results<RepresentationResult<IReadOnlyList<ContestResponse>>, ProblemHttpResult> GetContests(
        string id, [AsParameters] V1Request request)
    {
        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (Response(snapshot, id) is null)
        {
            return UnknownElection(id);
        }

        return responder.Cached<IReadOnlyList<ContestResponse>>(snapshot, $"contests/{id}", () => new Representation(
            responder.JsonBytes<IReadOnlyList<ContestResponse>>(
                [.. snapshot.Guidance.Contests.Where(c => c.ElectionId == id).Select(c => ContestResponse.From(c, snapshot))]),
            Responder.JsonContentType,
            snapshot));
    }

    private static IResult GetStages(string id, string mediaType, V1Request request)
    {
        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (Response(snapshot, id) is not { } found)
        {
            return UnknownElection(id);
        }

        // An expected election has no stages yet: its feeds are empty, not missing.
        return responder.Cached<ElectionStagesResponse>(snapshot, $"stages/{id}/{mediaType}", () => mediaType switch
        {
            MediaTypes.Csv => new Representation(StageCsv.Write(snapshot.StagesOf(id)), Responder.CsvContentType, snapshot),
            MediaTypes.Calendar => new Representation(
                snapshot.FindElection(id) is { } election
                    ? StageICalendar.Write(election, snapshot.StagesOf(id), snapshot)
                    : StageICalendar.Write($"Tahapan {found.Name.Id}", $"Stages of {found.Name.En} (not yet scheduled)", [], snapshot),
                Responder.CalendarContentType,
                snapshot),
            _ => new Representation(
                responder.JsonBytes(new ElectionStagesResponse(
                    found,
                    snapshot.Revision,
                    [.. snapshot.StagesOf(id).Select(StageResponse.From)])),
                Responder.JsonContentType,
                snapshot),
        });
    }

    /// <summary>A scheduled or an expected election by id, as served.</summary>
    private static ElectionResponse? Response(CalendarSnapshot snapshot, string id) =>
        snapshot.FindElection(id) is { } election ? ElectionResponse.From(election, snapshot)
        : snapshot.FindExpected(id) is { } expected ? ElectionResponse.From(expected, snapshot)
        : null;

    private static ProblemHttpResult UnknownElection(string id) =>
        Problems.NotFound("id", $"no election has the id '{Problems.Shorten(id)}'; GET /v1/elections lists them");
}
