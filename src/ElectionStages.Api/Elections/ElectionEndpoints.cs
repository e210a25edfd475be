using ElectionStages.Api.Errors;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Elections;

/// <summary><c>/v1/elections</c>: the elections, their stage schedules (JSON, CSV, iCalendar, XLSX) and their contests.</summary>
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

        group.MapGet("/{id}/stages", (string id, string? bom, [AsParameters] V1Request request) => GetStages(id, request.MediaType(), bom, request))
            .WithName("GetElectionStages")
            .WithSummary("The stage schedule of one election")
            .WithDescription(
                "Every stage and sub-stage in schedule order, each with its dates (or rule), legal source and confidence. " +
                "By `Accept`: JSON (default), `text/csv` (one row per stage: the seed-data columns, then `level` and " +
                "`outline`), `text/calendar` (one all-day event per dated stage that was held) or the XLSX media type " +
                "(an Excel workbook with Indonesian headers, real dates and uncertain rows marked). Files come with a " +
                "`Content-Disposition` name such as `pemilu-2024-tahapan.csv`.")
            .Produces<ElectionStagesResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar, MediaTypes.Xlsx)
            .Produces(StatusCodes.Status304NotModified)
            .Negotiates(MediaTypes.Schedule)
            .ProducesProblem(StatusCodes.Status400BadRequest)
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

        group.MapGet("/{id}/stages.{format}", (string id, string format, string? bom, [AsParameters] V1Request request) =>
            {
                var (mediaType, problem) = V1Conventions.BySuffix(request.Context.Request, format);
                return mediaType is null ? problem! : GetStages(id, mediaType, bom, request);
            })
            .WithName("GetElectionStagesFile")
            .WithSummary("The stage schedule as a file, for links")
            .WithDescription(
                "The same schedule chosen by suffix instead of `Accept`: `stages.json`, `stages.csv`, `stages.ics` " +
                "(subscribe to it as a webcal:// link) or `stages.xlsx` (Excel).")
            .Produces<ElectionStagesResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar, MediaTypes.Xlsx)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

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

    private static IResult GetStages(string id, string mediaType, string? bomText, V1Request request)
    {
        if (!QueryParameters.TryParseBom(bomText, out var bom, out var bomError))
        {
            return Problems.InvalidParameter("bom", bomError);
        }

        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (Response(snapshot, id) is not { } found)
        {
            return UnknownElection(id);
        }

        // bom changes only the CSV: the other representations stay one cache entry (and one ETag) whatever it says.
        bom &= mediaType == MediaTypes.Csv;
        var stem = FeedText.ScheduleFileStem(id);
        var election = snapshot.FindElection(id);
        // An expected election has no stages yet: its feeds are empty, not missing.
        return responder.Cached<ElectionStagesResponse>(snapshot, $"stages/{id}/{mediaType}{(bom ? "/bom" : string.Empty)}", () => mediaType switch
        {
            MediaTypes.Csv => Responder.File(StageCsv.Write(snapshot.StagesOf(id), bom), mediaType, stem, snapshot),
            MediaTypes.Calendar => Responder.File(
                election is not null
                    ? StageICalendar.Write(election, snapshot.StagesOf(id), snapshot)
                    : StageICalendar.Write(
                        new LocalizedText($"Tahapan {found.Name.Id}", $"Stages of the {found.Name.En}"),
                        new LocalizedText("Tahapan dan jadwalnya belum ditetapkan.", "Its stages and schedule are not set yet."),
                        [],
                        snapshot,
                        electionInSummary: false),
                mediaType,
                stem,
                snapshot),
            MediaTypes.Xlsx => Responder.File(
                election is not null
                    ? StageXlsx.Write(election, snapshot.StagesOf(id), snapshot)
                    : StageXlsx.Write(
                        new LocalizedText($"Tahapan {found.Name.Id}", $"Stages of the {found.Name.En}"),
                        [new LocalizedText("Tahapan dan jadwalnya belum ditetapkan.", "Its stages and schedule are not set yet.")],
                        [],
                        snapshot),
                mediaType,
                stem,
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
        Problems.UnknownId(id, new LocalizedText("pemilihan", "election"), "/v1/elections");
}
