using System.Net;
using System.Text;
using ElectionStages.Domain;

namespace ElectionStages.Api.Errors;

/// <summary>
/// Every problem <c>type</c> of this API is a page: <c>GET /problems/{name}</c> explains, in Indonesian and in English,
/// what the problem means and what to do about it (RFC 9457 §3.1.1: a type URI should resolve to documentation).
/// </summary>
internal static class ProblemPages
{
    private sealed record Entry(LocalizedText Title, LocalizedText Meaning, LocalizedText Remedy);

    private static readonly Dictionary<string, Entry> Catalog = new(StringComparer.Ordinal)
    {
        ["invalid-parameter"] = new(
            new("Parameter permintaan tidak valid", "A request parameter is invalid"),
            new("Nilai salah satu parameter (misalnya date, zone, region) tidak dapat dibaca. Kolom parameter menyebut parameternya, detail menyebut alasannya.",
                "The value of one parameter (e.g. date, zone, region) cannot be read. The parameter field names it, the detail says why."),
            new("Perbaiki nilai itu sesuai contoh di detail, lalu ulangi permintaan. Tanggal ditulis yyyy-MM-dd, kode wilayah seperti 33 atau 33.03.",
                "Fix that value as the detail shows and send the request again. Dates are yyyy-MM-dd, region codes like 33 or 33.03.")),
        ["unknown-parameter"] = new(
            new("Parameter permintaan tidak dikenal", "Unknown request parameter"),
            new("Permintaan membawa parameter kueri yang tidak dimiliki alamat ini, misalnya salah ketik seperti regoin. Parameter itu tidak diabaikan diam-diam, karena jawabannya bisa menyesatkan (misalnya jawaban nasional, bukan untuk wilayah Anda).",
                "The request carries a query parameter this endpoint does not have, e.g. a typo such as regoin. It is not silently ignored, because the answer could mislead (e.g. a national answer instead of one for your region)."),
            new("Pakai nama yang disebut di nearest (nama terdekat) atau salah satu nama di known, lalu ulangi.",
                "Use the name given in nearest (the closest one) or one of the names in known, and send the request again.")),
        ["not-found"] = new(
            new("Data yang diminta tidak ada", "No such resource"),
            new("Alamat ini tidak ada, atau id/kode di alamat tidak menyebut apa pun (misalnya pemilu, wilayah, aturan).",
                "The path does not exist, or the id or code in it names nothing (e.g. an election, a region, a rule)."),
            new("Lihat daftarnya (GET /v1/elections, /v1/regions, /v1/asn/rules, /v1/asn/acts) atau dokumentasi di /swagger.",
                "Look the id up in its list (GET /v1/elections, /v1/regions, /v1/asn/rules, /v1/asn/acts) or in the documentation at /swagger.")),
        ["not-acceptable"] = new(
            new("Jenis media tidak dapat dilayani", "Media type not available"),
            new("Header Accept permintaan tidak menerima satu pun bentuk yang tersedia untuk data ini. Bentuk yang tersedia ada di available.",
                "The request's Accept header accepts none of the forms this resource comes in. The forms on offer are listed in available."),
            new("Kirim Accept dengan salah satu jenis di available (atau tanpa Accept), atau pakai akhiran .json, .csv, .ics atau .xlsx pada jadwal.",
                "Send an Accept that includes one of the types in available (or none at all), or use a .json, .csv, .ics or .xlsx suffix on schedules.")),
        ["calendar-not-loaded"] = new(
            new("Kalender belum dimuat", "The calendar is not loaded yet"),
            new("Layanan baru berjalan dan belum membaca data kalender dari basis data, atau basis data belum pernah dapat dihubungi.",
                "The service has just started and has not read the calendar data from its database yet, or the database has never been reachable."),
            new("Coba lagi setelah beberapa detik (lihat Retry-After bila ada). Bila berlanjut, hubungi pengelola layanan.",
                "Retry in a few seconds (see Retry-After when present). If it persists, tell whoever runs the service.")),
        ["too-many-requests"] = new(
            new("Terlalu banyak permintaan", "Too many requests"),
            new("Alamat Anda mengirim lebih banyak permintaan daripada batas per jendela waktu.",
                "Your address sent more requests than the limit per time window allows."),
            new("Tunggu sebanyak detik di header Retry-After, lalu ulangi. Simpan jawaban dan pakai ETag (If-None-Match) agar tidak perlu meminta ulang.",
                "Wait as many seconds as the Retry-After header says, then retry. Keep answers and revalidate with their ETag (If-None-Match) instead of fetching again.")),
        ["unexpected"] = new(
            new("Terjadi kesalahan di pihak kami", "Something went wrong on our side"),
            new("Permintaan Anda benar, tetapi layanan gagal menjawabnya. Kesalahannya sudah dicatat.",
                "Your request was fine, but the service failed to answer it. The error was logged."),
            new("Coba lagi nanti. Bila berulang, laporkan dengan traceId dari jawaban ini.",
                "Try again later. If it keeps happening, report it with the traceId of the answer.")),
    };

    private static readonly Dictionary<int, LocalizedText> StatusTitles = new()
    {
        [400] = new("Permintaan tidak valid", "Bad request"),
        [404] = new("Tidak ditemukan", "Not found"),
        [405] = new("Metode tidak diizinkan", "Method not allowed"),
        [406] = new("Jenis media tidak dapat dilayani", "Not acceptable"),
        [408] = new("Permintaan terlalu lama", "Request timeout"),
        [411] = new("Panjang isi permintaan wajib disebut", "Length required"),
        [413] = new("Isi permintaan terlalu besar", "Content too large"),
        [414] = new("Alamat (URI) terlalu panjang", "URI too long"),
        [415] = new("Jenis isi permintaan tidak didukung", "Unsupported media type"),
        [429] = new("Terlalu banyak permintaan", "Too many requests"),
        [431] = new("Header permintaan terlalu besar", "Request header fields too large"),
        [500] = new("Terjadi kesalahan di pihak kami", "Internal server error"),
        [503] = new("Layanan belum siap", "Service unavailable"),
    };

    /// <summary>The title of a bare HTTP status, in both languages.</summary>
    public static LocalizedText Title(int status) =>
        StatusTitles.TryGetValue(status, out var title) ? title
        : new LocalizedText($"Kesalahan HTTP {status}", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"HTTP error {status}");

    /// <summary>The names that have a page: every catalogued problem, and <c>http-NNN</c> for every 4xx and 5xx.</summary>
    public static IEnumerable<string> Names => Catalog.Keys;

    public static IEndpointRouteBuilder MapProblemPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/problems/{name}", (string name, HttpContext context) =>
            Page(name) is { } html
                ? Results.Content(html, "text/html; charset=utf-8")
                : Problems.NotFound("name", new LocalizedText(
                    $"tidak ada jenis masalah bernama '{Problems.Shorten(name)}'",
                    $"no problem type is called '{Problems.Shorten(name)}'")))
            .ExcludeFromDescription();
        return app;
    }

    private static string? Page(string name)
    {
        Entry? entry = Catalog.GetValueOrDefault(name);
        if (entry is null && name.StartsWith("http-", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(5), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            && status is >= 400 and <= 599 && name.Length == 8)
        {
            var title = Title(status);
            entry = new Entry(
                title,
                new($"Server menjawab dengan status HTTP {status} ({title.Id}). Detail jawaban menyebut penyebabnya.",
                    $"The server answered with HTTP status {status} ({title.En}). The answer's detail says why."),
                new("Periksa metode, alamat dan header permintaan terhadap dokumentasi di /swagger.",
                    "Check the request's method, path and headers against the documentation at /swagger."));
        }

        if (entry is null)
        {
            return null;
        }

        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(entry.Title.Id)).Append(" · ElectionStages</title>")
            .Append("<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}[lang=en]{color:#444}</style></head><body>")
            .Append("<h1>").Append(E(entry.Title.Id)).Append("</h1>")
            .Append("<p>").Append(E(entry.Meaning.Id)).Append("</p>")
            .Append("<p><strong>Yang dapat Anda lakukan:</strong> ").Append(E(entry.Remedy.Id)).Append("</p>")
            .Append("<section lang=\"en\"><h2>").Append(E(entry.Title.En)).Append("</h2>")
            .Append("<p>").Append(E(entry.Meaning.En)).Append("</p>")
            .Append("<p><strong>What you can do:</strong> ").Append(E(entry.Remedy.En)).Append("</p></section>")
            .Append("<p><code>type: /problems/").Append(E(name)).Append("</code> · <a href=\"/swagger\">API</a> · <a href=\"/\">ElectionStages</a></p>")
            .Append("</body></html>");
        return html.ToString();
    }
}
