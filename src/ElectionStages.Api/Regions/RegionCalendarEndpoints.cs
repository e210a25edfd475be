using ElectionStages.Api.Elections;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;

namespace ElectionStages.Api.Regions;

/// <summary>Every election that applies to one region, with its stages: what a district office subscribes to.</summary>
/// <param name="Region">The region.</param>
/// <param name="Revision">The data revision the answer was built from.</param>
/// <param name="Elections">The general elections and the regional elections held in the region, each with all its stages.</param>
public sealed record RegionCalendarResponse(RegionResponse Region, long Revision, IReadOnlyList<RegionElection> Elections);

/// <summary>One election that applies to a region, with its stages.</summary>
/// <param name="Election">The election.</param>
/// <param name="Stages">Every stage and sub-stage of it, in schedule order.</param>
public sealed record RegionElection(ElectionResponse Election, IReadOnlyList<StageResponse> Stages);

/// <summary><c>/v1/regions/{code}/calendar</c>: every election stage that applies to one region, as JSON, CSV or iCalendar.</summary>
internal static class RegionCalendarEndpoints
{
    public static RouteGroupBuilder MapRegionCalendars(this RouteGroupBuilder regions)
    {
        regions.MapGet("/{code}/calendar", (string code, string? bom, [AsParameters] V1Request request) => Calendar(code, request.MediaType(), bom, request))
            .WithName("GetRegionCalendar")
            .WithSummary("Every election stage that applies to a region")
            .WithDescription(
                "The stages of the general elections and of the regional elections held in the region (a governor race " +
                "counts in every regency/city of its province), by `Accept`: JSON (default), `text/csv`, `text/calendar` " +
                "(each event titled with its election, e.g. `Pemilu 2024: Masa tenang`) or the XLSX media type. Files " +
                "come with a `Content-Disposition` name such as `kalender-33.03-kabupaten-purbalingga.ics`.")
            .Produces<RegionCalendarResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar, MediaTypes.Xlsx)
            .Produces(StatusCodes.Status304NotModified)
            .Negotiates(MediaTypes.Schedule)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        regions.MapGet("/{code}/calendar.{format}", (string code, string format, string? bom, [AsParameters] V1Request request) =>
            {
                var (mediaType, problem) = V1Conventions.BySuffix(request.Context.Request, format);
                return mediaType is null ? problem! : Calendar(code, mediaType, bom, request);
            })
            .WithName("GetRegionCalendarFile")
            .WithSummary("A region's calendar as a file, for links")
            .WithDescription("The same calendar chosen by suffix: `calendar.ics` (subscribe as webcal://…), `calendar.csv`, `calendar.xlsx` (Excel) or `calendar.json`.")
            .Produces<RegionCalendarResponse>(StatusCodes.Status200OK, MediaTypes.Json, MediaTypes.Csv, MediaTypes.Calendar, MediaTypes.Xlsx)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        return regions;
    }

    private static IResult Calendar(string code, string mediaType, string? bomText, V1Request request)
    {
        if (RegionCodes.Normalize(code) is not { } canonical)
        {
            return Problems.MalformedRegionCode("code", code);
        }

        if (!QueryParameters.TryParseBom(bomText, out var bom, out var bomError))
        {
            return Problems.InvalidParameter("bom", bomError);
        }

        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (snapshot.FindRegion(canonical) is not { } region)
        {
            return Problems.UnknownRegion("code", canonical, inPath: true);
        }

        // bom changes only the CSV: the other representations stay one cache entry (and one ETag) whatever it says.
        bom &= mediaType == MediaTypes.Csv;
        return responder.Cached<RegionCalendarResponse>(snapshot, $"region-calendar/{canonical}/{mediaType}{(bom ? "/bom" : string.Empty)}", () =>
        {
            var elections = NeutralityGuide.ElectionsFor(snapshot, region);
            var stages = elections.SelectMany(e => snapshot.StagesOf(e.Id)).ToList();
            var stem = FeedText.RegionCalendarFileStem(region);
            var name = new LocalizedText(
                $"Tahapan pemilu dan pilkada: {region.Name}",
                $"Election stages that apply to {region.Name}");
            var scope = new LocalizedText(
                $"Pemilihan umum dan pemilihan kepala daerah yang berlaku di {region.Name} ({region.Code}).",
                $"The general and regional elections that apply to {region.Name} ({region.Code}).");
            return mediaType switch
            {
                MediaTypes.Csv => Responder.File(StageCsv.Write(stages, bom), mediaType, stem, snapshot),
                MediaTypes.Calendar => Responder.File(
                    StageICalendar.Write(
                        name,
                        new LocalizedText($"{scope.Id} Judul setiap acara diawali nama pemilihannya.", "Each event's title starts with its election."),
                        stages,
                        snapshot,
                        electionInSummary: true),
                    mediaType,
                    stem,
                    snapshot),
                MediaTypes.Xlsx => Responder.File(
                    StageXlsx.Write(
                        name,
                        [scope, .. FeedText.ElectionLabels(elections).Select(label => Included(label, elections))],
                        stages,
                        snapshot),
                    mediaType,
                    stem,
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

    /// <summary>One line of the workbook's "Keterangan" sheet per election in the calendar: its label and full name.</summary>
    private static LocalizedText Included(KeyValuePair<string, string> label, IReadOnlyList<Election> elections)
    {
        var election = elections.First(e => e.Id == label.Key);
        return new LocalizedText($"{label.Value}: {election.Name.Id}", $"{label.Value}: {election.Name.En}");
    }
}
