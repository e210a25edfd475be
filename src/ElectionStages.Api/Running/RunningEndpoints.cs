using ElectionStages.Api.Elections;
using ElectionStages.Api.Errors;
using ElectionStages.Api.Representations;
using ElectionStages.Api.Requests;
using ElectionStages.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace ElectionStages.Api.Running;

/// <summary>The stages of one election that run on the asked date.</summary>
/// <param name="Election">The election.</param>
/// <param name="Stages">Its stages and sub-stages running on the date, in schedule order.</param>
public sealed record RunningElection(ElectionResponse Election, IReadOnlyList<StageResponse> Stages);

/// <summary>
/// What runs on a date: the date and zone used, and every election with a stage running that day; when nothing runs,
/// <c>upcoming</c> names what comes next (the nearest scheduled general election, or the expected ones).
/// </summary>
/// <param name="Date">The date answered for.</param>
/// <param name="Zone">The IANA time zone that decided "today".</param>
/// <param name="DateIsToday">True when no date was given and the answer is about today in <c>zone</c>.</param>
/// <param name="Revision">The data revision the answer was built from.</param>
/// <param name="Elections">Every election with a stage running on the date.</param>
/// <param name="Upcoming">When nothing runs: the elections that come next; else empty.</param>
public sealed record CalendarResponse(
    LocalDate Date, string Zone, bool DateIsToday, long Revision, IReadOnlyList<RunningElection> Elections, IReadOnlyList<UpcomingElection> Upcoming);

/// <summary><c>GET /v1/calendar</c>: what runs on a date, across all elections.</summary>
internal static class RunningEndpoints
{
    public static RouteGroupBuilder MapRunning(this RouteGroupBuilder v1)
    {
        v1.MapGet("/calendar", GetCalendar)
            .WithTags("Calendar")
            .WithName("GetCalendar")
            .WithSummary("What runs on a date")
            .WithDescription(
                "Every stage of every election running on `date`, grouped by election. Without `date`, today in `zone` " +
                "(default Asia/Jakarta). Stages that were planned but not held (e.g. the 2024 presidential run-off) never run.")
            .Negotiates(MediaTypes.JsonOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return v1;
    }

    private static Results<RepresentationResult<CalendarResponse>, ProblemHttpResult> GetCalendar(
        string? date, string? zone, [AsParameters] V1Request request)
    {
        if (!QueryParameters.TryParseZone(zone, out var timeZone, out var zoneError))
        {
            return Problems.InvalidParameter("zone", zoneError);
        }

        if (!QueryParameters.TryParseDate(date, out var askedDate, out var dateError))
        {
            return Problems.InvalidParameter("date", dateError);
        }

        var snapshot = request.Snapshot();
        var day = date is null ? ZonedToday.In(request.Clock, timeZone) : askedDate;
        var startOfToday = date is null ? day.AtStartOfDayInZone(timeZone).ToInstant() : (Instant?)null;
        return request.Responder.Answer(
            snapshot,
            $"calendar|{day:uuuu-MM-dd}|{timeZone.Id}|{date is null}",
            () =>
            {
                var running = snapshot.RunningOn(day);
                return new CalendarResponse(
                    day,
                    timeZone.Id,
                    date is null,
                    snapshot.Revision,
                    [.. running.Select(group => new RunningElection(
                        ElectionResponse.From(group.Election, snapshot),
                        [.. group.Stages.Select(StageResponse.From)]))],
                    running.Count == 0 ? UpcomingElection.After(snapshot, day, null) : []);
            },
            startOfToday);
    }
}
