using ElectionStages.Domain;

namespace ElectionStages.Api.Guidance;

/// <summary>The words of the notices that say how complete an answer is, in Indonesian and English.</summary>
internal static class Notices
{
    public static IReadOnlyList<NoticeResponse> For(IEnumerable<GuidanceNotice> notices, CalendarSnapshot snapshot) =>
        [.. notices.Select(n => new NoticeResponse(n.Code, Text(n, snapshot), n.Election?.Id, n.Contest?.Id, n.Rules))];

    /// <summary>The name of a sanction tier, for a short answer.</summary>
    public static LocalizedText SanctionName(SanctionKind kind) => kind switch
    {
        SanctionKind.Ethics => new("Sanksi moral (kode etik)", "Moral sanction (code of ethics)"),
        SanctionKind.LightDiscipline => new("Hukuman disiplin ringan", "Light disciplinary penalty"),
        SanctionKind.ModerateDiscipline => new("Hukuman disiplin sedang", "Moderate disciplinary penalty"),
        SanctionKind.SevereDiscipline => new("Hukuman disiplin berat", "Severe disciplinary penalty"),
        SanctionKind.Dismissal => new("Pemberhentian tidak dengan hormat (PTDH)", "Dishonourable dismissal (PTDH)"),
        SanctionKind.Criminal => new("Pidana (penjara dan/atau denda)", "Criminal penalty (prison and/or fine)"),
        SanctionKind.Unspecified => new("Tingkat sanksi tidak tunggal; lihat aturannya", "No single tier; see the rule"),
        _ => new("Tanpa sanksi", "No sanction"),
    };

    private static LocalizedText Text(GuidanceNotice notice, CalendarSnapshot snapshot)
    {
        switch (notice.Code)
        {
            case NoticeCode.NoLawModelled:
                var first = snapshot.FirstLawInForce is { } day ? day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-";
                return new LocalizedText(
                    $"Tanggal ini sebelum aturan tertua di layanan ini (berlaku sejak {first}). Aturan yang belum berlaku tidak " +
                    "dipakai; tanyakan kepada bagian kepegawaian instansi Anda.",
                    $"This date is before the oldest rule this service holds (in force from {first}). Rules not yet in force are " +
                    "not used; ask your agency's personnel office.");
            case NoticeCode.GeneralDutiesApply:
                return new LocalizedText(
                    "Tidak ada aturan khusus untuk perbuatan ini pada tanggal itu. Itu bukan izin: kewajiban umum ASN " +
                    "(rules), terutama netralitas, tetap berlaku. Jika ragu, jangan lakukan.",
                    "No specific rule covers this act on that date. That is no permission: the general duties of an ASN " +
                    "(rules), above all neutrality, still bind. When in doubt, do not do it.");
            default:
                var phasesId = string.Join(", ", notice.UnmodelledPhases.Select(p => snapshot.FindPhase(p)?.Name.Id ?? p));
                var phasesEn = string.Join(", ", notice.UnmodelledPhases.Select(p => snapshot.FindPhase(p)?.Name.En ?? p));
                return new LocalizedText(
                    $"{notice.Contest!.Name.Id}, {notice.Election!.Name.Id}: data belum lengkap, fase {phasesId} tidak " +
                    "tercatat. Larangannya bisa tetap berlaku walau tidak tercantum; tanyakan kepada Bawaslu.",
                    $"{notice.Contest.Name.En}, {notice.Election.Name.En}: data incomplete, no dates for {phasesEn}. Their " +
                    "prohibitions may apply though not listed here; ask Bawaslu.");
        }
    }
}
