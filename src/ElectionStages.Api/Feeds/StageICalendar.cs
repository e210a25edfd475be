using System.Text;
using ElectionStages.Domain;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ElectionStages.Api.Feeds;

/// <summary>
/// A schedule as iCalendar (RFC 5545): one all-day event per dated stage (exclusive DTEND), a stable UID per stage,
/// and DTSTAMP/LAST-MODIFIED from the data revision, never "now", so the same data always gives the same bytes.
/// Stages that were not held and stages without dates are left out.
/// </summary>
internal static class StageICalendar
{
    public static byte[] Write(Election election, IEnumerable<Stage> stages, CalendarSnapshot snapshot) =>
        Write($"Tahapan {election.Name.Id}", $"{election.Name.En}: {election.Regulation}", stages, snapshot);

    public static byte[] Write(string name, string description, IEnumerable<Stage> stages, CalendarSnapshot snapshot)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//ElectionStages//Indonesian election stages//ID" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-CALDESC", description);
        var stamp = new CalDateTime(snapshot.ImportedAt.ToDateTimeUtc());
        foreach (var stage in stages)
        {
            if (stage.Status != StageStatus.Scheduled || stage.Dates is not { } dates)
            {
                continue;
            }

            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{stage.Id}@{stage.ElectionId}",
                DtStart = new CalDateTime(new DateOnly(dates.Start.Year, dates.Start.Month, dates.Start.Day)),
                DtEnd = new CalDateTime(new DateOnly(dates.End.Year, dates.End.Month, dates.End.Day).AddDays(1)),
                DtStamp = stamp,
                LastModified = stamp,
                Summary = stage.Name.Id,
                Description = Description(stage),
                Transparency = TransparencyType.Transparent,
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }

    private static string Description(Stage stage)
    {
        var text = new StringBuilder()
            .Append(stage.Name.En).Append('\n')
            .Append("Sumber / source: ").Append(stage.Source).Append(" (").Append(stage.SourceRef).Append(")\n")
            .Append("Keyakinan / confidence: ").Append(stage.Confidence.ToString().ToLowerInvariant());
        if (stage.Note is { } note)
        {
            text.Append('\n').Append("Catatan: ").Append(note.Id).Append('\n').Append("Note: ").Append(note.En);
        }

        return text.ToString();
    }
}
