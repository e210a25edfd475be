using ElectionStages.Domain;

namespace ElectionStages.Api.Guidance;

/// <summary>The words of the notices that say how complete an answer is, in Indonesian and English.</summary>
internal static class Notices
{
    public static IReadOnlyList<NoticeResponse> For(IEnumerable<GuidanceNotice> notices, CalendarSnapshot snapshot) =>
        [.. notices.Select(n => new NoticeResponse(Vocabulary<NoticeCode>.Word(n.Code), Text(n, snapshot), n.Election?.Id, n.Contest?.Id, n.Rules))];

    private static LocalizedText Text(GuidanceNotice notice, CalendarSnapshot snapshot)
    {
        switch (notice.Code)
        {
            case NoticeCode.NoLawModelled:
                var first = snapshot.FirstLawInForce is { } day ? day.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-";
                return new LocalizedText(
                    $"Tanggal ini lebih awal dari aturan tertua yang dimuat layanan ini (berlaku sejak {first}). Layanan ini " +
                    "tidak menjawab dengan aturan yang belum berlaku pada tanggal itu; tanyakan kepada bagian kepegawaian instansi Anda.",
                    $"This date is earlier than the oldest rule this service holds (in force from {first}). The service does not " +
                    "answer with rules that were not yet in force on that date; ask your agency's personnel office.");
            case NoticeCode.GeneralDutiesApply:
                return new LocalizedText(
                    "Pada tanggal itu tidak ada aturan khusus yang dimuat layanan ini untuk perbuatan ini. Itu bukan izin: " +
                    "kewajiban umum ASN tetap berlaku, terutama menjaga netralitas (lihat aturan yang disebut di sini). " +
                    "Jika ragu, jangan lakukan, dan tanyakan kepada bagian kepegawaian instansi Anda.",
                    "On that date this service holds no specific rule for this act. That is no permission: the general duties " +
                    "of an ASN still bind, above all neutrality (see the rules named here). When in doubt, do not do it, and " +
                    "ask your agency's personnel office.");
            default:
                var phasesId = string.Join(", ", notice.UnmodelledPhases.Select(p => snapshot.FindPhase(p)?.Name.Id ?? p));
                var phasesEn = string.Join(", ", notice.UnmodelledPhases.Select(p => snapshot.FindPhase(p)?.Name.En ?? p));
                return new LocalizedText(
                    $"{notice.Contest!.Name.Id} dalam {notice.Election!.Name.Id} baru tercatat sebagian di layanan ini: fase " +
                    $"{phasesId} tidak ada datanya. Larangan fase itu bisa saja berlaku walaupun tidak tercantum di sini; " +
                    "tanyakan kepada Bawaslu atau bagian kepegawaian instansi Anda.",
                    $"{notice.Contest.Name.En} in {notice.Election.Name.En} is only partly recorded in this service: there are no " +
                    $"data for the phases {phasesEn}. The prohibitions of those phases may apply even though they are not listed " +
                    "here; ask Bawaslu or your agency's personnel office.");
        }
    }
}
