using System.Globalization;
using System.Text.Json.Nodes;

namespace ElectionStages.Browser.Tests;

/// <summary>
/// The page's rule for which stages the timeline draws (app.js, chooseTimeline), restated over the calendar JSON:
/// the elections whose cycle (first start to last end of their dated, scheduled stages) contains the date, or else
/// the nearest ones; of those, the dated scheduled main stages plus <c>masa-tenang</c> and <c>pemungutan-suara</c>.
/// </summary>
internal static class TimelineRule
{
    /// <summary>The bars, as <c>election-id/stage-id</c>, in drawing order.</summary>
    public static IReadOnlyList<string> Bars(JsonNode calendar, DateOnly date)
    {
        var cycles = calendar["elections"]!.AsArray()
            .Select(entry =>
            {
                var id = (string)entry!["election"]!["id"]!;
                var dated = entry["stages"]!.AsArray()
                    .Where(s => (string?)s!["status"] == "scheduled" && s["start"] is not null && s["end"] is not null)
                    .Select(s => (Id: (string)s!["id"]!, Parent: (string?)s["parentId"], Start: Date(s["start"]!), End: Date(s["end"]!)))
                    .ToList();
                if (dated.Count == 0)
                {
                    return null;
                }

                var from = dated.Min(s => s.Start);
                var to = dated.Max(s => s.End);
                var distance = date < from ? from.DayNumber - date.DayNumber : date > to ? date.DayNumber - to.DayNumber : 0;
                var drawn = dated
                    .Where(s => s.Parent is null || s.Id is "masa-tenang" or "pemungutan-suara")
                    .OrderBy(s => s.Start).ThenBy(s => s.End)
                    .Select(s => $"{id}/{s.Id}")
                    .ToList();
                return new { distance, drawn };
            })
            .Where(c => c is not null)
            .ToList();
        if (cycles.Count == 0)
        {
            return [];
        }

        var nearest = cycles.Min(c => c!.distance);
        return [.. cycles.Where(c => c!.distance == nearest).SelectMany(c => c!.drawn)];
    }

    private static DateOnly Date(JsonNode node) => DateOnly.ParseExact((string)node!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
