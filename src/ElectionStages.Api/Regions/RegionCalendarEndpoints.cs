using ElectionStages.Api.Data;
using ElectionStages.Api.Elections;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Problems;
using ElectionStages.Domain;

namespace ElectionStages.Api.Regions;

/// <summary>Every election that applies to one region, with its stages: what a district office subscribes to.</summary>
public sealed record RegionCalendarResponse(RegionResponse Region, long Revision, IReadOnlyList<RegionElection> Elections);

public sealed record RegionElection(ElectionResponse Election, IReadOnlyList<StageResponse> Stages);

internal static class RegionCalendarEndpoints
{
    public static IEndpointRouteBuilder MapRegionCalendars(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/regions").WithTags("Regions");

        group.MapGet("/{code}/calendar", (string code, HttpRequest request, SnapshotHolder holder, Responder responder) =>
                MediaTypes.Negotiate(request, MediaTypes.Schedule) is { } mediaType
                    ? Calendar(code, mediaType, holder, responder)
                    : Problems.Problems.NotAcceptable(MediaTypes.Schedule))
            .WithName("GetRegionCalendar")
            .WithSummary("Every election stage that applies to a region")
            .WithDescription(
                "The stages of the general elections and of the regional elections held in the region (a governor race " +
                "counts in every regency/city of its province), by `Accept`: JSON (default), `text/csv` or `text/calendar`.")
            .Produces<RegionCalendarResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{code}/calendar.{format}", (string code, string format, SnapshotHolder holder, Responder responder) =>
                MediaTypes.BySuffix.TryGetValue(format, out var mediaType)
                    ? Calendar(code, mediaType, holder, responder)
                    : Problems.Problems.NotFound("format", $"'{QueryParameters.Shorten(format)}' is not one of json, csv, ics"))
            .WithName("GetRegionCalendarFile")
            .WithSummary("A region's calendar as a file, for links")
            .WithDescription("The same calendar chosen by suffix: `calendar.ics` (subscribe as webcal://…), `calendar.csv` or `calendar.json`.")
            .Produces<RegionCalendarResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static IResult Calendar(string code, string mediaType, SnapshotHolder holder, Responder responder)
    {
        if (RegionCodes.Normalize(code) is not { } canonical)
        {
            return Problems.Problems.MalformedRegionCode("code", code);
        }

        if (holder.Current is not { } snapshot)
        {
            return Problems.Problems.CalendarNotLoaded();
        }

        if (snapshot.FindRegion(canonical) is not { } region)
        {
            return Problems.Problems.UnknownRegion("code", canonical, inPath: true);
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
