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
/// Stages that were not held and stages without dates are left out. Every event has CATEGORIES (the election's short
/// label, main stage or sub-stage) and STATUS (TENTATIVE for low confidence, else CONFIRMED); its DESCRIPTION gives
/// the Indonesian text first, then the English. The calendar names itself in Indonesian (NAME, X-WR-CALNAME) and asks
/// subscribers to refresh daily (RFC 7986 REFRESH-INTERVAL, and X-PUBLISHED-TTL for older clients).
/// </summary>
internal static class StageICalendar
{
    private const string RefreshInterval = "P1D";

    /// <summary>One election's schedule: the event titles are the stage names.</summary>
    public static byte[] Write(Election election, IEnumerable<Stage> stages, CalendarSnapshot snapshot) =>
        Write(
            new LocalizedText($"Tahapan {election.Name.Id}", $"Stages of the {election.Name.En}"),
            new LocalizedText($"Peraturan: {election.Regulation}", $"Regulation: {election.Regulation}"),
            stages,
            snapshot,
            electionInSummary: false);

    /// <summary>
    /// A calendar of any stages. With <paramref name="electionInSummary"/> (a feed of several elections) each event's
    /// title starts with its election's short label: <c>Pemilu 2024: Masa tenang</c>.
    /// </summary>
    public static byte[] Write(LocalizedText name, LocalizedText description, IEnumerable<Stage> stages, CalendarSnapshot snapshot, bool electionInSummary)
    {
        var rows = stages.ToList();
        var positions = StageOutline.Of(rows);
        var elections = rows.Select(s => s.ElectionId).Distinct(StringComparer.Ordinal)
            .Select(snapshot.FindElection).OfType<Election>().ToDictionary(e => e.Id, StringComparer.Ordinal);
        var labels = FeedText.ElectionLabels(elections.Values);

        var calendar = new Ical.Net.Calendar { ProductId = "-//ElectionStages//Indonesian election stages//ID" };
        calendar.AddProperty("NAME", name.Id);
        calendar.AddProperty("X-WR-CALNAME", name.Id);
        calendar.AddProperty("DESCRIPTION", $"{description.Id}\n{name.En}. {description.En}");
        calendar.AddProperty("X-WR-CALDESC", $"{description.Id}\n{name.En}. {description.En}");
        var refresh = new CalendarProperty("REFRESH-INTERVAL", RefreshInterval);
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", RefreshInterval);
        var stamp = new CalDateTime(snapshot.ImportedAt.ToDateTimeUtc());
        foreach (var stage in rows)
        {
            if (stage.Status != StageStatus.Scheduled || stage.Dates is not { } dates)
            {
                continue;
            }

            var position = positions[(stage.ElectionId, stage.Id)];
            var election = elections.GetValueOrDefault(stage.ElectionId);
            var label = labels.GetValueOrDefault(stage.ElectionId, stage.ElectionId);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{stage.Id}@{stage.ElectionId}",
                DtStart = new CalDateTime(new DateOnly(dates.Start.Year, dates.Start.Month, dates.Start.Day)),
                DtEnd = new CalDateTime(new DateOnly(dates.End.Year, dates.End.Month, dates.End.Day).AddDays(1)),
                DtStamp = stamp,
                LastModified = stamp,
                Summary = electionInSummary ? $"{label}: {stage.Name.Id}" : stage.Name.Id,
                Description = Description(stage, election, position),
                Categories = [label, $"{FeedText.LevelWords(position.Level).Id} ({FeedText.LevelWords(position.Level).En})"],
                Status = stage.Confidence == Confidence.Low ? EventStatus.Tentative : EventStatus.Confirmed,
                Transparency = TransparencyType.Transparent,
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }

    /// <summary>
    /// The Indonesian block (election, number, confidence, note), a blank line, the English one, then the source.
    /// </summary>
    private static string Description(Stage stage, Election? election, StagePosition position)
    {
        var level = FeedText.LevelWords(position.Level);
        var confidence = FeedText.Words(stage.Confidence);
        var text = new StringBuilder();
        if (election is not null)
        {
            text.Append("Pemilihan: ").Append(election.Name.Id).Append('\n');
        }

        text.Append(level.Id).Append(' ').Append(position.Outline).Append('\n')
            .Append("Keyakinan: ").Append(confidence.Id);
        if (stage.Confidence == Confidence.Low)
        {
            text.Append(" (tanggal belum pasti; periksa sumbernya)");
        }

        text.Append('\n');
        if (stage.Note is { } note)
        {
            text.Append("Catatan: ").Append(note.Id).Append('\n');
        }

        text.Append('\n').Append(stage.Name.En).Append('\n');
        if (election is not null)
        {
            text.Append("Election: ").Append(election.Name.En).Append('\n');
        }

        text.Append(char.ToUpperInvariant(level.En[0])).Append(level.En[1..]).Append(' ').Append(position.Outline).Append('\n')
            .Append("Confidence: ").Append(confidence.En);
        if (stage.Confidence == Confidence.Low)
        {
            text.Append(" (dates uncertain; check the source)");
        }

        if (stage.Note is { } english)
        {
            text.Append('\n').Append("Note: ").Append(english.En);
        }

        // The citation is the regulation's own words, the same in both languages: once, after both blocks.
        text.Append("\n\nSumber / Source: ").Append(stage.Source).Append(" (").Append(stage.SourceRef).Append(')');
        return text.ToString();
    }
}
