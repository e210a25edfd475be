using ElectionStages.Api.Data;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Problems;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Regions;

/// <summary>A province or regency/city: its Kemendagri code, name, parent and the IANA zone it keeps time in.</summary>
public sealed record RegionResponse(string Code, string Name, RegionKind Kind, string? ParentCode, string Zone, string Source)
{
    internal static RegionResponse From(Region region) =>
        new(region.Code, region.Name, region.Kind, region.ParentCode, region.ZoneId, region.Source);
}

internal static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/regions").WithTags("Regions");

        group.MapGet("/", ListRegions)
            .WithName("ListRegions")
            .WithSummary("Provinces and regencies/cities")
            .WithDescription("All 38 provinces and 514 regencies/cities by Kemendagri code, each with its time zone; `parent=33` lists the regencies/cities of one province.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{code}", GetRegion)
            .WithName("GetRegion")
            .WithSummary("One region")
            .WithDescription("One province (`33`) or regency/city (`33.03`, also accepted as `3303`).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static Results<RepresentationResult<IReadOnlyList<RegionResponse>>, ProblemHttpResult> ListRegions(
        string? parent, HttpRequest request, SnapshotHolder holder, Responder responder)
    {
        string? parentCode = null;
        if (parent is not null && (parentCode = RegionCodes.Normalize(parent)) is null)
        {
            return Problems.Problems.MalformedRegionCode("parent", parent);
        }

        if (!JsonPrelude.TryStart(request, holder, out var snapshot, out var problem))
        {
            return problem;
        }

        if (parentCode is not null && snapshot.FindRegion(parentCode) is null)
        {
            return Problems.Problems.UnknownRegion("parent", parentCode, inPath: false);
        }

        return responder.Cached<IReadOnlyList<RegionResponse>>(snapshot, $"regions/{parentCode}", () => new Representation(
            responder.JsonBytes<IReadOnlyList<RegionResponse>>(
                [.. snapshot.Guidance.Regions.Where(r => parentCode is null || r.ParentCode == parentCode).Select(RegionResponse.From)]),
            Responder.JsonContentType,
            snapshot));
    }

    private static Results<RepresentationResult<RegionResponse>, ProblemHttpResult> GetRegion(
        string code, HttpRequest request, SnapshotHolder holder, Responder responder)
    {
        if (RegionCodes.Normalize(code) is not { } canonical)
        {
            return Problems.Problems.MalformedRegionCode("code", code);
        }

        if (!JsonPrelude.TryStart(request, holder, out var snapshot, out var problem))
        {
            return problem;
        }

        return snapshot.FindRegion(canonical) is { } region
            ? responder.Answer(snapshot, $"region/{canonical}", () => RegionResponse.From(region))
            : Problems.Problems.UnknownRegion("code", canonical, inPath: true);
    }
}
