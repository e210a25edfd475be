using ElectionStages.Api.Elections;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;

namespace ElectionStages.Api.Regions;

/// <summary>Every election that applies to one region, with its stages: what a district office subscribes to.</summary>
public sealed record RegionCalendarResponse(RegionResponse Region, long Revision, IReadOnlyList<RegionElection> Elections);

public sealed record RegionElection(ElectionResponse Election, IReadOnlyList<StageResponse> Stages);

/// <summary><c>/v1/regions/{code}/calendar</c>: every election stage that applies to one region, as JSON, CSV or iCalendar.</summary>
internal static class RegionCalendarEndpoints
{
    public static RouteGroupBuilder MapRegionCalendars(this RouteGroupBuilder regions)
    {
        regions.MapGet("/{code}/calendar", (string code, [AsParameters] V1Request request) => Calendar(code, request.MediaType(), request))
            .WithName("GetRegionCalendar")
            .WithSummary("Every election stage that applies to a region")
            .WithDescription(
                "The stages of the general elections and of the regional elections held in the region (a governor race " +
                "counts in every regency/city of its province), by `Accept`: JSON (default), `text/csv` or `text/calendar`.")
            .Produces<RegionCalendarResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar)
            .Produces(StatusCodes.Status304NotModified)
            .Negotiates(MediaTypes.Schedule)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        regions.MapGet("/{code}/calendar.{format}", (string code, string format, [AsParameters] V1Request request) =>
                MediaTypes.BySuffix.TryGetValue(format, out var mediaType)
                    ? Calendar(code, mediaType, request)
                    : Problems.NotFound("format", $"'{Problems.Shorten(format)}' is not one of json, csv, ics"))
            .WithName("GetRegionCalendarFile")
            .WithSummary("A region's calendar as a file, for links")
            .WithDescription("The same calendar chosen by suffix: `calendar.ics` (subscribe as webcal://…), `calendar.csv` or `calendar.json`.")
            .Produces<RegionCalendarResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return regions;
    }

    private static IResult Calendar(string code, string mediaType, V1Request request)
    {
        if (RegionCodes.Normalize(code) is not { } canonical)
        {
            return Problems.MalformedRegionCode("code", code);
        }

        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (snapshot.FindRegion(canonical) is not { } region)
        {
            return Problems.UnknownRegion("code", canonical, inPath: true);
        }

        return responder.Cached<RegionCalendarResponse>(snapshot, $"region-calendar/{canonical}/{mediaType}", () =>
        {
            var elections = NeutralityGuide.ElectionsFor(snapshot, region);
            var stages = elections.SelectMany(e => snapshot.StagesOf(e.Id)).ToList();
            return mediaType switch
            {
                MediaTypes.Csv => new Representation(StageCsv.Write(stages), Responder.CsvContentType, snapshot),
                MediaTypes.Calendar => new Representation(
                    StageICalendar.Write($"Tahapan pemilu dan pilkada: {region.Name}", $"Election stages that apply to {region.Name} ({region.Code})", stages, snapshot),
                    Responder.CalendarContentType,
                    snapshot),
                _ => new Representation(
                    responder.JsonBytes(new RegionCalendarResponse(
                        RegionResponse.From(region),
                        snapshot.Revision,
                        [.. elections.Select(e => new RegionElection(ElectionResponse.From(e, snapshot), [.. snapshot.StagesOf(e.Id).Select(StageResponse.From)]))])),
                    Responder.JsonContentType,
                    snapshot),
            };
        });
    }
}
