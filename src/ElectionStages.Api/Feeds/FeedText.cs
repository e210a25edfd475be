using System.Globalization;
using System.Text;
using ElectionStages.Domain;

namespace ElectionStages.Api.Feeds;

/// <summary>The words the files share: short election labels, vocabulary in Indonesian with English, file names.</summary>
internal static class FeedText
{
    /// <summary>
    /// A short label per election for calendar titles and filter columns: its short name (<c>Pemilu 2024</c>,
    /// <c>PSU Pilkada 2024</c>, from <c>elections.csv</c>); the full names run to 150 characters. Elections of one feed
    /// that would share a label get their voting day too (<c>PSU Pilkada 2024 (2025-04-19)</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ElectionLabels(IEnumerable<Election> elections)
    {
        var list = elections.DistinctBy(e => e.Id).ToList();
        var shortLabels = list.ToDictionary(e => e.Id, e => e.ShortName, StringComparer.Ordinal);
        var shared = shortLabels.Values.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return list.ToDictionary(
            e => e.Id,
            e => shared.Contains(shortLabels[e.Id])
                ? string.Create(CultureInfo.InvariantCulture, $"{shortLabels[e.Id]} ({e.VotingDay:uuuu-MM-dd})")
                : shortLabels[e.Id],
            StringComparer.Ordinal);
    }

    /// <summary>True for medium and low confidence: the rows a reader should check against the source.</summary>
    public static bool IsUncertain(Confidence confidence) => confidence != Confidence.High;

    public static LocalizedText Words(Confidence confidence) => confidence switch
    {
        Confidence.High => new("tinggi", "high"),
        Confidence.Medium => new("sedang", "medium"),
        _ => new("rendah", "low"),
    };

    public static LocalizedText Words(StageStatus status) => status switch
    {
        StageStatus.Scheduled => new("terjadwal", "scheduled"),
        _ => new("tidak dilaksanakan", "not held"),
    };

    public static LocalizedText Words(StageBasis basis) => basis switch
    {
        StageBasis.Lampiran => new("Lampiran peraturan tahapan", "stage regulation's annex"),
        StageBasis.Implementing => new("peraturan pelaksana", "implementing regulation"),
        _ => new("peristiwa yang terjadi", "actual event"),
    };

    /// <summary>Main stage or sub-stage (every level below the first), as a calendar category.</summary>
    public static LocalizedText LevelWords(int level) =>
        level <= 1 ? new("Tahapan utama", "main stage") : new("Sub-tahapan", "sub-stage");

    /// <summary>The file name (without suffix) of an election's schedule: <c>pemilu-2024-tahapan</c>.</summary>
    public static string ScheduleFileStem(string electionId) => $"{Slug(electionId)}-tahapan";

    /// <summary>The file name (without suffix) of a region's calendar: <c>kalender-33.03-kabupaten-banyumas</c>.</summary>
    public static string RegionCalendarFileStem(Region region) => $"kalender-{region.Code}-{Slug(region.Name)}";

    /// <summary>
    /// Lowercase ASCII letters and digits with single hyphens between words, so a file name needs no quoting or
    /// <c>filename*</c> (accents lose their marks; anything else separates words).
    /// </summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
