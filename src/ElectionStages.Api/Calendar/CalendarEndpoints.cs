using ElectionStages.Api.Data;
using ElectionStages.Api.Elections;
using ElectionStages.Api.Feeds;
using ElectionStages.Api.Problems;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ElectionStages.Api.Calendar;

/// <summary>The stages of one election that run on the asked date.</summary>
public sealed record RunningElection(ElectionResponse Election, IReadOnlyList<StageResponse> Stages);

/// <summary>What runs on a date: the date and zone used, and every election with a stage running that day.</summary>
public sealed record CalendarResponse(LocalDate Date, string Zone, bool DateIsToday, long Revision, IReadOnlyList<RunningElection> Elections);

internal static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/calendar", GetCalendar)
            .WithTags("Calendar")
            .WithName("GetCalendar")
            .WithSummary("What runs on a date")
            .WithDescription(
                "Every stage of every election running on `date`, grouped by election. Without `date`, today in `zone` " +
                "(default Asia/Jakarta). Stages that were planned but not held (e.g. the 2024 presidential run-off) never run.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Results<RepresentationResult<CalendarResponse>, ProblemHttpResult> GetCalendar(
        string? date, string? zone, HttpRequest request, SnapshotHolder holder, IClock clock, Responder responder)
    {

        if (!QueryParameters.TryParseZone(zone, out var timeZone, out var zoneError))
        {
            return Problems.Problems.InvalidParameter("zone", zoneError);
        }

        if (!QueryParameters.TryParseDate(date, out var askedDate, out var dateError))
        {
            return Problems.Problems.InvalidParameter("date", dateError);
        }

        if (MediaTypes.Negotiate(request, MediaTypes.JsonOnly) is null)
        {
            return Problems.Problems.NotAcceptable(MediaTypes.JsonOnly);
        }

        if (holder.Current is not { } snapshot)
        {
            return Problems.Problems.CalendarNotLoaded();
        }

        var day = date is null ? ZonedToday.In(clock, timeZone) : askedDate;
        var startOfToday = date is null ? day.AtStartOfDayInZone(timeZone).ToInstant() : (Instant?)null;
        return responder.Answer(
            snapshot,
            $"calendar|{day:uuuu-MM-dd}|{timeZone.Id}|{date is null}",
            () => new CalendarResponse(
                day,
                timeZone.Id,
                date is null,
                snapshot.Revision,
                [.. snapshot.RunningOn(day).Select(group => new RunningElection(
                    ElectionResponse.From(group.Election, snapshot),
                    [.. group.Stages.Select(StageResponse.From)]))]),
            startOfToday);
    }
}
