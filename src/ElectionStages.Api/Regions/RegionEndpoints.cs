using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Regions;

/// <summary>A province or regency/city: its Kemendagri code, name, parent and the IANA zone it keeps time in.</summary>
/// <param name="Code">Kemendagri code: <c>33</c> for a province, <c>33.03</c> for a regency/city.</param>
/// <param name="Name">The region's name, e.g. <c>Kabupaten Purbalingga</c>.</param>
/// <param name="Kind">Province, regency or city.</param>
/// <param name="ParentCode">The province of a regency/city; null for a province.</param>
/// <param name="Zone">The IANA time zone the region keeps time in.</param>
/// <param name="Source">Where the code and name come from.</param>
public sealed record RegionResponse(string Code, string Name, RegionKind Kind, string? ParentCode, string Zone, string Source)
{
    internal static RegionResponse From(Region region) =>
        new(region.Code, region.Name, region.Kind, region.ParentCode, region.ZoneId, region.Source);
}

/// <summary><c>/v1/regions</c>: provinces and regencies/cities.</summary>
internal static class RegionEndpoints
{
    public static RouteGroupBuilder MapRegions(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/regions").WithTags("Regions");

        group.MapGet("/", ListRegions)
            .WithName("ListRegions")
            .WithSummary("Provinces and regencies/cities")
            .WithDescription("All 38 provinces and 514 regencies/cities by Kemendagri code, each with its time zone; `parent=33` lists the regencies/cities of one province.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{code}", GetRegion)
            .WithName("GetRegion")
            .WithSummary("One region")
            .WithDescription("One province (`33`) or regency/city (`33.03`, also accepted as `3303`).")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The region's calendar feeds live beside it (RegionCalendarEndpoints).
        group.MapRegionCalendars();
        return v1;
    }

    private static Results<RepresentationResult<IReadOnlyList<RegionResponse>>, ProblemHttpResult> ListRegions(
        string? parent, [AsParameters] V1Request request)
    {
        string? parentCode = null;
        if (parent is not null && (parentCode = RegionCodes.Normalize(parent)) is null)
        {
            return Problems.MalformedRegionCode("parent", parent);
        }

        var (snapshot, responder) = (request.Snapshot(), request.Responder);

        if (parentCode is not null && snapshot.FindRegion(parentCode) is null)
        {
            return Problems.UnknownRegion("parent", parentCode, inPath: false);
        }

        return responder.Cached<IReadOnlyList<RegionResponse>>(snapshot, $"regions/{parentCode}", () => new Representation(
            responder.JsonBytes<IReadOnlyList<RegionResponse>>(
                [.. snapshot.Guidance.Regions.Where(r => parentCode is null || r.ParentCode == parentCode).Select(RegionResponse.From)]),
            Responder.JsonContentType,
            snapshot));
    }

    private static Results<RepresentationResult<RegionResponse>, ProblemHttpResult> GetRegion(
        string code, [AsParameters] V1Request request)
    {
        if (RegionCodes.Normalize(code) is not { } canonical)
        {
            return Problems.MalformedRegionCode("code", code);
        }

        var snapshot = request.Snapshot();
        return snapshot.FindRegion(canonical) is { } region
            ? request.Responder.Answer(snapshot, $"region/{canonical}", () => RegionResponse.From(region))
            : Problems.UnknownRegion("code", canonical, inPath: true);
    }
}
