using System.Globalization;
using ElectionStages.Domain;
using NodaTime;

namespace ElectionStages.Api.Guidance;

/// <summary>
/// The answer in one line, for a badge or an embedded box: the phases a region is in on a date and the last day that
/// holds (the day before the next change), in Indonesian or English.
/// </summary>
internal sealed record DaySummary(LocalDate Date, bool IsToday, Region Region, IReadOnlyList<Phase> Phases, LocalDate? Until)
{
    private static readonly string[] MonthsId = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
    private static readonly string[] MonthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] LongMonthsId =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
    private static readonly string[] LongMonthsEn =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The phase ids shown, most telling first (voting day, quiet period, … before pre-candidacy).</summary>
    public string? Leading => Phases.Count == 0 ? null : Phases[^1].Id;

    public static DaySummary Of(CalendarSnapshot snapshot, Region region, LocalDate date, bool isToday)
    {
        var answer = NeutralityGuide.Answer(snapshot, date, region);
        var phases = answer.Contests
            .Select(c => c.PhaseId)
            .Distinct(StringComparer.Ordinal)
            .Select(id => snapshot.FindPhase(id))
            .OfType<Phase>()
            .OrderBy(p => p.Ordinal)
            .ToList();
        return new DaySummary(date, isToday, region, phases, answer.NextChange?.Date.PlusDays(-1));
    }

    public string PhaseText(string lang) =>
        Phases.Count == 0
            ? (lang == "en" ? "No election stage running" : "Tidak ada tahapan pemilu")
            : string.Join(" · ", Phases.Select(p => lang == "en" ? p.Name.En : p.Name.Id));

    /// <summary>"Hari ini: Masa tenang · s.d. 13 Feb 2024".</summary>
    public string Line(string lang)
    {
        var day = IsToday ? (lang == "en" ? "Today" : "Hari ini") : ShortDate(Date, lang);
        var until = Until is { } last ? (lang == "en" ? $" · until {ShortDate(last, lang)}" : $" · s.d. {ShortDate(last, lang)}") : "";
        return $"{day}: {PhaseText(lang)}{until}";
    }

    public static string ShortDate(LocalDate date, string lang) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {(lang == "en" ? MonthsEn : MonthsId)[date.Month - 1]} {date.Year}");

    public static string LongDate(LocalDate date, string lang) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {(lang == "en" ? LongMonthsEn : LongMonthsId)[date.Month - 1]} {date.Year}");
}
