using ElectionStages.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionStages.Api.Elections;

internal static class ElectionEndpoints
{
    public static IEndpointRouteBuilder MapElections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/elections").WithTags("Elections");

        group.MapGet("/", ListElections)
            .WithName("ListElections")
            .WithSummary("All elections")
            .WithDescription("Every election in the calendar, oldest voting day first, with its regulation and stage count.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id}", GetElection)
            .WithName("GetElection")
            .WithSummary("One election")
            .WithDescription("One election by its id, e.g. `pemilu-2024`.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id}/stages", GetStages)
            .WithName("GetElectionStages")
            .WithSummary("The stage schedule of one election")
            .WithDescription("Every stage and sub-stage in schedule order, each with its dates (or rule), legal source and confidence.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    private static Results<Ok<IReadOnlyList<ElectionResponse>>, ProblemHttpResult> ListElections(SnapshotHolder holder)
    {
        if (holder.Current is not { } snapshot)
        {
            return Problems.Problems.CalendarNotLoaded();
        }

        return TypedResults.Ok<IReadOnlyList<ElectionResponse>>([.. snapshot.Elections.Select(e => ElectionResponse.From(e, snapshot))]);
    }

    private static Results<Ok<ElectionResponse>, ProblemHttpResult> GetElection(string id, SnapshotHolder holder)
    {
        if (holder.Current is not { } snapshot)
        {
            return Problems.Problems.CalendarNotLoaded();
        }

        return snapshot.FindElection(id) is { } election
            ? TypedResults.Ok(ElectionResponse.From(election, snapshot))
            : UnknownElection(id);
    }

    private static Results<Ok<ElectionStagesResponse>, ProblemHttpResult> GetStages(string id, SnapshotHolder holder)
    {
        if (holder.Current is not { } snapshot)
        {
            return Problems.Problems.CalendarNotLoaded();
        }

        if (snapshot.FindElection(id) is not { } election)
        {
            return UnknownElection(id);
        }

        return TypedResults.Ok(new ElectionStagesResponse(
            ElectionResponse.From(election, snapshot),
            snapshot.Revision,
            [.. snapshot.StagesOf(id).Select(StageResponse.From)]));
    }

    private static ProblemHttpResult UnknownElection(string id) =>
        Problems.Problems.NotFound("id", $"no election has the id '{Problems.QueryParameters.Shorten(id)}'; GET /v1/elections lists them");
}
