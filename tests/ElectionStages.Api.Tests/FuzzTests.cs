using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using ElectionStages.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ElectionStages.Api.Tests;

/// <summary>
/// Property-based fuzzing of every GET endpoint's query and route parameters and of <c>Accept</c>: thousands of
/// malformed, oversized, odd-Unicode, injection-looking and boundary values. The contract checked on every response:
/// <list type="bullet">
/// <item>never a 5xx (nor any status other than 200 or a 4xx);</item>
/// <item>every 4xx is <c>application/problem+json</c> with a <c>type</c> under <c>/problems/</c> and the right <c>status</c>;</item>
/// <item>a 400 or 404 names the offending parameter in <c>parameter</c> (one the request actually carried) and lists
/// it in <c>errors</c>; a 406 names <c>Accept</c>, and only when an <c>Accept</c> was sent to an endpoint that negotiates;</item>
/// <item>the one exception is the routing rule in <see cref="RouteShapeIntact"/>: a plain <c>/problems/not-found</c>
/// without <c>parameter</c> is accepted only when the path the client actually sent no longer has the template's shape.</item>
/// </list>
/// A 200 is always fine: many generated values are valid (a real zone, a real region code).
/// CsCheck prints the seed of a failure; rerun with the environment variable CsCheck_Seed set to it to reproduce.
/// </summary>
[Collection(DatabaseCollection.Name)]
public class FuzzTests(SeededApiFixture fixture, ITestOutputHelper output)
{
    // ---------------------------------------------------------------- endpoints

    /// <summary>A GET route; <paramref name="Offered"/> is null for the suffix routes, which offer what the suffix names.</summary>
    private sealed record Endpoint(string Template, string[] RouteParameters, string[] QueryParameters, string[]? Offered)
    {
        public override string ToString() => Template;
    }

    private static readonly string[] JsonOnly = ["application/json"];
    private static readonly string[] Schedule = ["application/json", "text/csv", "text/calendar", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    private static readonly Endpoint Election = new("/v1/elections/{id}", ["id"], [], JsonOnly);
    private static readonly Endpoint StagesRoute = new("/v1/elections/{id}/stages", ["id"], ["bom"], Schedule);
    private static readonly Endpoint ElectionContests = new("/v1/elections/{id}/contests", ["id"], [], JsonOnly);
    private static readonly Endpoint ElectionStagesFile = new("/v1/elections/{id}/stages.{format}", ["id", "format"], ["bom"], null);
    private static readonly Endpoint CalendarRoute = new("/v1/calendar", [], ["date", "zone"], JsonOnly);
    private static readonly Endpoint Regions = new("/v1/regions", [], ["parent"], JsonOnly);
    private static readonly Endpoint Region = new("/v1/regions/{code}", ["code"], [], JsonOnly);
    private static readonly Endpoint RegionCalendar = new("/v1/regions/{code}/calendar", ["code"], ["bom"], Schedule);
    private static readonly Endpoint RegionCalendarFile = new("/v1/regions/{code}/calendar.{format}", ["code", "format"], ["bom"], null);
    private static readonly Endpoint Guidance = new("/v1/asn/guidance", [], ["date", "region", "zone"], JsonOnly);
    private static readonly Endpoint Rule = new("/v1/asn/rules/{id}", ["id"], ["date", "region", "zone"], JsonOnly);

    private static readonly Endpoint[] All =
        [Election, StagesRoute, ElectionContests, ElectionStagesFile, CalendarRoute, Regions, Region, RegionCalendar, RegionCalendarFile, Guidance, Rule];

    private static readonly HashSet<string> KnownParameters = ["id", "code", "format", "date", "zone", "region", "parent", "bom"];

    // ---------------------------------------------------------------- probes

    /// <summary>A query parameter as sent: <see cref="Value"/> null means the bare name without '=' (<c>?date</c>).</summary>
    private sealed record QueryPart(string Name, string? Value);

    /// <summary>One request: route values (in <see cref="Endpoint.RouteParameters"/> order), query parts, and Accept (null: none).</summary>
    private sealed record Probe(Endpoint Endpoint, string[] RouteValues, QueryPart[] Query, string? Accept)
    {
        /// <summary>
        /// The path and query the client sends. Every generated value is percent-encoded with
        /// <see cref="Uri.EscapeDataString"/>, so '/', '?', '#', '%' and non-ASCII never change the URL's structure;
        /// only the dot segments "." and ".." (unreserved, so left as they are) and empty values can.
        /// </summary>
        public string RelativeUrl
        {
            get
            {
                var path = Endpoint.Template;
                for (var i = 0; i < RouteValues.Length; i++)
                {
                    path = path.Replace("{" + Endpoint.RouteParameters[i] + "}", Uri.EscapeDataString(RouteValues[i]), StringComparison.Ordinal);
                }

                return Query.Length == 0
                    ? path
                    : path + "?" + string.Join('&', Query.Select(q => q.Value is null ? q.Name : q.Name + "=" + Uri.EscapeDataString(q.Value)));
            }
        }

        public IEnumerable<string> SentParameters => Endpoint.RouteParameters.Concat(Query.Select(q => q.Name));

        public override string ToString()
        {
            var url = RelativeUrl;
            var shown = url.Length <= 400 ? url : $"{url[..400]}… ({url.Length} chars)";
            var accept = Accept is null ? "" : $" Accept: {(Accept.Length <= 200 ? Accept : Accept[..200] + "…")} ({Accept.Length} chars)";
            return $"GET {shown}{accept}";
        }
    }

    /// <summary>
    /// The routing rule. A route can only fail to match when the path the client actually sends (Uri.AbsolutePath,
    /// after .NET's dot-segment removal), decoded segment by segment as the server decodes it, no longer has the
    /// template's shape: the same number of '/'-separated segments, the literal segments unchanged, every route value
    /// segment non-empty and not "." or "..", and a complex segment (<c>stages.{format}</c>) longer than its literal
    /// prefix. Because every value is percent-encoded, that happens only for values that are empty, "." or "..".
    /// When the shape is intact the request reached its endpoint, so a 404 must come from the endpoint and name the
    /// parameter; when it is broken a plain <c>/problems/not-found</c> from the status-code pages (no
    /// <c>parameter</c>) is legitimate, and so is whatever other endpoint the path now reaches (e.g. the list at
    /// <c>/v1/regions/</c>), as long as that answer keeps the general contract.
    /// </summary>
    private static bool RouteShapeIntact(Endpoint endpoint, string sentPath)
    {
        var template = endpoint.Template.Split('/');
        var sent = sentPath.Split('/');
        if (template.Length != sent.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var brace = template[i].IndexOf('{', StringComparison.Ordinal);
            if (brace < 0)
            {
                if (!string.Equals(template[i], sent[i], StringComparison.Ordinal))
                {
                    return false;
                }

                continue;
            }

            var prefix = template[i][..brace];
            var decoded = Uri.UnescapeDataString(sent[i]);
            if (!sent[i].StartsWith(prefix, StringComparison.Ordinal) || sent[i].Length <= prefix.Length || decoded is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- generators

    private static readonly string[] ElectionIds =
    [
        "pemilu-2024", "pemilu-2019", "pilkada-2024", "pilkada-2025-bangka-pangkalpinang", "psu-pilkada-2024-2025-03-22",
        "psu-pilkada-2024-2025-08-06-barito-utara",
    ];

    private static readonly string[] RuleIds =
    [
        "no-social-media-support", "neutrality-duty", "may-vote", "no-party-membership", "pppk-discipline-route",
        "pemilu-no-partisan-activities",
    ];

    private static readonly string[] Injections =
    [
        "' OR 1=1 --", "'; DROP TABLE stage;--", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--", "$$; COPY x TO PROGRAM 'id'; $$",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "javascript:alert(1)",
        "${jndi:ldap://x/a}", "{{7*7}}", "<%= 7*7 %>", "%s%s%s%n", "{0}", "{id}", "\\u0000", "null", "undefined", "NaN",
        "true", "[]", "{}", "*", "?", "#", "&", "=", "+", "%", "%%", "%00", "%2e%2e%2f", "%252F", "%u0000", "%C0%AF",
        "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "file:///etc/passwd", "C:\\", "~", ".", "..", "...",
        "\0", "\u0000\u0000", "\r\n", "\n", "\t", " ", "", "\u200B", "\u200E", "\u200F", "\u202E", "\u2066", "\uFEFF", "\uFFFD",
        "\uFFFF", "\u0085", "\u00A0", "\u3000", "😀", "👩🏽‍💻", "🇮🇩", "a\u0301", "Ω", "İ", "ß", "ﬁ", "\U0001D7D8\U0001D7D9",
        "٣٣", "३३", "３３", "²³", "Ⅻ",
    ];

    /// <summary>Characters from the ranges that break naive parsers: controls, digits of other scripts, invisible and bidi marks, emoji.</summary>
    private static readonly Gen<string> OddCharacter = Gen.OneOf(
        Gen.Int[0x00, 0x1F], Gen.Int[0x7F, 0x9F], Gen.Int[0x20, 0x7E], Gen.Int[0xA0, 0x24F], Gen.Int[0x300, 0x36F],
        Gen.Int[0x660, 0x669], Gen.Int[0x6F0, 0x6F9], Gen.Int[0x966, 0x96F], Gen.Int[0xFF10, 0xFF19], Gen.Int[0xFF21, 0xFF5A],
        Gen.Int[0x2000, 0x206F], Gen.Int[0x202A, 0x202E], Gen.Int[0x4E00, 0x4E50], Gen.Int[0x1F300, 0x1FAFF],
        Gen.Int[0x1D7CE, 0x1D7FF], Gen.Int[0xE000, 0xE010], Gen.Int[0xFFF0, 0xFFFF], Gen.Int[0x10000, 0x10FFFF])
        .Select(code => char.ConvertFromUtf32(code));

    private static readonly Gen<string> AsciiString = Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars));

    private static readonly Gen<string> UnicodeString = OddCharacter.Array[0, 24].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[1, 30].Select(chars => new string(chars));

    /// <summary>
    /// Oversized values: a fragment repeated to 1–10 KB. In production Kestrel's request-line and header limits
    /// (set in Program.cs) refuse the largest before the app runs; the test server has no such limits, so here the
    /// endpoint code itself must cope with them.
    /// </summary>
    private static Gen<string> Oversized(params string[] fragments) =>
        Gen.Select(Gen.OneOf(fragments.Concat(["a", "9", "-", "😀", "\u200B", "%", "/", "."]).ToArray()), Gen.Int[1000, 10000],
            (fragment, length) => Repeat(fragment, length));

    private static string Repeat(string fragment, int length)
    {
        var builder = new StringBuilder(length + fragment.Length);
        while (builder.Length < length)
        {
            builder.Append(fragment);
        }

        return builder.ToString();
    }

    /// <summary>A valid value changed a little: a character inserted, replaced or removed, the case flipped, padding added.</summary>
    private static Gen<string> Mutated(Gen<string> valid) =>
        Gen.Select(valid, Gen.Int[0, 7], Gen.Int[0, 1000], OddCharacter, (value, how, position, odd) =>
        {
            var at = value.Length == 0 ? 0 : position % value.Length;
            return how switch
            {
                0 => value.Insert(at, odd),
                1 => value.Length == 0 ? odd : value.Remove(at, 1).Insert(at, odd),
                2 => value.Length == 0 ? value : value.Remove(at, 1),
                3 => value.ToUpperInvariant(),
                4 => " " + value + " ",
                5 => value + value,
                6 => odd + value + odd,
                _ => value.ToLowerInvariant(),
            };
        });

    private static Gen<string> Nasty(Gen<string> valid, string[] boundaries, params string[] longFragments) => Gen.Frequency(
        (6, valid),
        (6, Gen.OneOf(boundaries)),
        (4, Mutated(valid)),
        (3, Gen.OneOf(Injections)),
        (2, AsciiString),
        (2, UnicodeString),
        (1, Digits),
        (1, Oversized(longFragments)));

    private static readonly string[] DateBoundaries =
    [
        "0000-01-01", "0001-01-01", "9999-12-31", "-9999-01-01", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01",
        "2024-00-10", "2024-01-00", "2024-01-32", "-2024-01-01", "+2024-01-01", "+12024-01-01", "12024-01-01", "10000-01-01",
        "2024-1-1", "2024-02-1", "24-02-12", " 2024-02-12", "2024-02-12 ", "\t2024-02-12\n", "２０２４-０２-１２",
        "٢٠٢٤-٠٢-١٢", "۲۰۲۴-۰۲-۱۲", "२०२४-०२-१२", "2024-02-1２", "2024‐02‐12", "2024−02−12", "2024/02/12", "12-02-2024",
        "20240212", "2024-W07-1", "2024-043", "2024-02-12T00:00:00Z", "2024-02-12T10:00", "2024-02-12+07:00", "2024-02",
        "2024", "-", "--", "0", "-1", "2147483647", "99999999999999999999-01-01", "2024-02-12\0", "2024-02-12\u200B",
        "\u202E2024-02-12", "2024-02-12%00", "2024-02-14", "2019-04-15", "2024-11-25", "2016-01-01", "2025-03-22",
    ];

    private static readonly Gen<string> ValidDate =
        Gen.Select(Gen.Int[1900, 2100], Gen.Int[1, 12], Gen.Int[1, 28], (y, m, d) => new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static readonly Gen<string> Date = Nasty(ValidDate, DateBoundaries, "2024-02-12", "9");

    private static readonly string[] ZoneBoundaries =
    [
        "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura", "Asia/Ujung_Pandang", "asia/jakarta",
        "ASIA/JAKARTA", "Asia/jakarta", "UTC", "utc", "Etc/UTC", "Etc/GMT+7", "Etc/GMT-7", "Etc/GMT-14", "Etc/GMT+13",
        "GMT", "Z", "+07:00", "UTC+7", "WIB", "WITA", "Europe/London", "America/Argentina/Buenos_Aires", "Pacific/Chatham",
        "Antarctica/Troll", "Factory", "posixrules", "localtime", "EST5EDT", "US/Pacific-New", "Asia/Calcutta",
        "../../etc/passwd", "..\\..\\etc\\passwd", "/etc/localtime", "Asia/../Asia/Jakarta", "Asia/Jakarta/", "/Asia/Jakarta",
        "Asia//Jakarta", "Asia/Jakarta\0", "Asia/Jakarta ", " Asia/Jakarta", "Asia/Ｊakarta", "Asia/Jakarta\u200B",
        "\u202EAsia/Jakarta", "Asia\\Jakarta", "", " ", "Asia/", "/", "Asia/Jakarta;DROP TABLE stage",
    ];

    private static readonly Gen<string> ValidZone = Gen.OneOf(
        NodaTime.DateTimeZoneProviders.Tzdb.Ids.Where((_, i) => i % 7 == 0).Concat(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Asia/Pontianak"]).ToArray());

    private static readonly Gen<string> Zone = Nasty(ValidZone, ZoneBoundaries, "Asia/", "Asia/Jakarta");

    private static readonly string[] RegionBoundaries =
    [
        "33", "33.03", "3303", "11", "11.01", "94", "91.71", "31.71", "00", "99", "00.00", "99.99", "33.", "33..03", ".03",
        ".", "333.03", "33.3", "33.033", "3.303", "33030", "330", "3", "33.03.01", "33-03", "33,03", "33/03", "33\\03",
        "33 03", "3303 ", " 3303", "\t33\n", "33\u00A0", "33\u3000", "\u200B33", "33\u200B", "33.03\u200E", "\u202E33.03",
        "\u2066" + "33" + "\u2069", "٣٣", "٣٣.٠٣", "३३", "３３", "３３.０３", "３３０３", "𝟛𝟛", "-33", "+33", "-33.03", "0x21",
        "33e0", "3.3e1", "33.03\0", "%00", "33%00", "\0", "😀", "33.03😀", "33.0\u0301" + "3", "١١", "NaN", "Infinity",
    ];

    private static readonly Gen<string> ValidRegion = Gen.OneOf(
        File.ReadLines(Path.Combine(Repository.SeedData, "regions.csv")).Skip(1).Select(line => line.Split(',')[0])
            .Where((_, i) => i % 5 == 0).SelectMany(code => new[] { code, code.Replace(".", "", StringComparison.Ordinal) })
            .Where(code => code.Length is 2 or 4 or 5).ToArray());

    private static readonly Gen<string> RegionCode = Nasty(ValidRegion, RegionBoundaries, "33", "33.03", "3");

    private static readonly string[] IdBoundaries =
    [
        "PEMILU-2024", "Pemilu-2024", "pemilu-2024 ", " pemilu-2024", "pemilu-2024\0", "pemilu\u200B-2024", "ｐｅｍｉｌｕ-2024",
        "pemilu-٢٠٢٤", "pemilu-2024/stages", "pemilu-2024?format=csv", "pemilu-2024#x", "pemilu-2024;", "pemilu-2024.json",
        "pemilu-2099", "pemilu", "pemilu-", "-", "stages", "contests", "stages.json", "calendar", "rules", "guidance",
        "NO-SOCIAL-MEDIA-SUPPORT", "no-social-media-support ", "no_social_media_support", "may-vote\u202E",
    ];

    private static readonly Gen<string> ElectionId = Nasty(Gen.OneOf(ElectionIds), IdBoundaries, "pemilu-2024", "x");

    private static readonly Gen<string> RuleId = Nasty(Gen.OneOf(RuleIds), IdBoundaries, "may-vote", "x");

    private static readonly string[] FormatBoundaries =
    [
        "json", "csv", "ics", "JSON", "Csv", "ICS", "json ", " csv", "ics\0", "ics\u200B", "ｊｓｏｎ", "xml", "html", "txt",
        "ical", "ics.ics", "json.json", "csv?x", "ics#", "ics/", "..", ".", "*", "js", "jso", "jsonp", "XLSX", "xls", "xlsx ",
    ];

    private static readonly Gen<string> Format = Nasty(Gen.OneOf("json", "csv", "ics", "xlsx"), FormatBoundaries, "ics", "j");

    private static readonly string[] BomBoundaries = ["true", "false", "TRUE", "True", "1", "0", "yes", "no", "", " true", "true ", "t", "truee"];

    private static readonly Gen<string> Bom = Nasty(Gen.OneOf("true", "false"), BomBoundaries, "true", "t");

    private static readonly string[] AcceptBoundaries =
    [
        "application/json", "text/csv", "text/calendar", "*/*", "text/*", "application/*", "application/problem+json",
        "application/json; charset=utf-8", "application/json;q=0.5, text/csv;q=0.9", "text/calendar;q=1, */*;q=0.1",
        "*/*;q=0", "application/json;q=0", "text/csv;q=0, */*", "*/*;q=0.0, application/json;q=0", "text/*;q=0, application/*;q=0",
        "text/html", "application/xml", "image/png", "text/plain", "application/xhtml+xml,text/html;q=0.9,*/*;q=0.8",
        "application/json;q=abc", "application/json;q=1.5", "application/json;q=-1", "application/json;q=", "application/json;q",
        "application/json;;;", "application/json; charset=\"unterminated", "application/json; a=b=c", ";q=1", ";;;", ",", ",,,",
        "/", "*", "*/", "/*", "application/", "/json", "a/b/c", "*/json", "application json", "application/json text/csv",
        "", " ", "\t", "null", "APPLICATION/JSON", "Application/Json", "TEXT/CSV", "text/calendar ; q = 0.5",
        "application/json\u200B", "applicatiön/json", "テキスト/csv", "😀/😀", "application/json, application/json, */*;q=0",
        "text/csv;q=0.001", "text/csv;q=0.0000001", "text/csv;q=1.000", "text/csv;q=1.0001", "text/csv;level=1;q=0.5",
    ];

    /// <summary>
    /// Accept values. CR, LF and NUL are filtered out: no HTTP/1.1 or HTTP/2 client can put them in a header (Kestrel
    /// would reject the request before the app), and .NET's HttpClient refuses to send them.
    /// </summary>
    private static readonly Gen<string?> Accept = Gen.Frequency<string?>(
            (4, Gen.Const<string?>((string?)null)),
            (8, Gen.OneOf(AcceptBoundaries).Select(s => (string?)s)),
            (3, Gen.Select(Gen.OneOf("application", "text", "*", "image", "x", ""), Gen.OneOf("json", "csv", "calendar", "*", "html", "", "json+ld"),
                Gen.OneOf("", ";q=0", ";q=0.5", ";q=1", ";q=2", ";charset=utf-8", ";q=0.3;x=y", ";x"), (t, s, p) => (string?)$"{t}/{s}{p}")),
            (2, Gen.Select(Gen.OneOf(AcceptBoundaries).Array[2, 6], Gen.OneOf(", ", ",", " , ", ";"), (parts, sep) => (string?)string.Join(sep, parts))),
            (2, AsciiString.Select(s => (string?)s)),
            (1, UnicodeString.Select(s => (string?)s)),
            (1, Oversized("*/*;q=0.1, ", "application/json,").Select(s => (string?)s)))
        .Where(a => a is null || a.IndexOfAny(['\r', '\n', '\0']) < 0);

    /// <summary>
    /// Accept while fuzzing parameters: mostly absent, since the JSON-only endpoints check Accept first and a 406
    /// would hide the parameter under test; Accept gets its own property.
    /// </summary>
    private static readonly Gen<string?> MostlyNoAccept = Gen.Frequency((6, Gen.Const<string?>((string?)null)), (1, Accept));

    /// <summary>An optional query parameter: absent most often, sometimes bare (<c>?date</c>) or repeated.</summary>
    private static Gen<QueryPart[]> QueryParameter(string name, Gen<string> value) => Gen.Frequency(
        (5, Gen.Const(Array.Empty<QueryPart>())),
        (12, value.Select(v => new[] { new QueryPart(name, v) })),
        (1, Gen.Const(new[] { new QueryPart(name, null) })),
        (1, Gen.Select(value, value, (a, b) => new[] { new QueryPart(name, a), new QueryPart(name, b) })));

    private static Gen<Probe> Probes(Endpoint endpoint, Gen<string?> accept)
    {
        Gen<string> RouteValue(string parameter) => parameter switch
        {
            "id" when endpoint == Rule => RuleId,
            "id" => ElectionId,
            "code" => RegionCode,
            "format" => Format,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        };

        Gen<QueryPart[]> QueryValue(string parameter) => QueryParameter(parameter, parameter switch
        {
            "date" => Date,
            "zone" => Zone,
            "region" or "parent" => RegionCode,
            "bom" => Bom,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        });

        var route = endpoint.RouteParameters.Length switch
        {
            0 => Gen.Const(Array.Empty<string>()),
            1 => RouteValue(endpoint.RouteParameters[0]).Select(v => new[] { v }),
            _ => Gen.Select(RouteValue(endpoint.RouteParameters[0]), RouteValue(endpoint.RouteParameters[1]), (a, b) => new[] { a, b }),
        };
        var query = endpoint.QueryParameters.Aggregate(Gen.Const(Array.Empty<QueryPart>()),
            (sofar, name) => Gen.Select(sofar, QueryValue(name), (a, b) => a.Concat(b).ToArray()));
        // A path holding %00 cannot reach the app: Kestrel answers it with 400 itself, and the test server's decoder
        // throws ("The path contains null characters"). So route values never contain U+0000 (query values may).
        return Gen.Select(route.Where(values => !values.Any(v => v.Contains('\0', StringComparison.Ordinal))), query, accept,
            (r, q, a) => new Probe(endpoint, r, q, a));
    }

    /// <summary>With mostly valid parameters, for fuzzing Accept alone.</summary>
    private static Gen<Probe> ValidProbes(Endpoint endpoint) =>
        Gen.Select(Gen.OneOf(ElectionIds), Gen.OneOf(RuleIds), Gen.OneOf("33.03", "3303", "11", "91.71"), Gen.OneOf("json", "csv", "ics", "xlsx"), Accept,
            (election, rule, region, format, accept) => endpoint.Template switch
            {
                "/v1/calendar" => new Probe(endpoint, [], [new("date", "2024-02-12")], accept),
                "/v1/regions" => new Probe(endpoint, [], [new("parent", "33")], accept),
                "/v1/asn/guidance" => new Probe(endpoint, [], [new("date", "2024-11-25"), new("region", region)], accept),
                "/v1/asn/rules/{id}" => new Probe(endpoint, [rule], [new("region", region)], accept),
                _ => new Probe(endpoint, [.. endpoint.RouteParameters.Select(p => p switch
                {
                    "id" => election,
                    "code" => region,
                    _ => format,
                })], [], accept),
            });

    // ---------------------------------------------------------------- the contract

    private sealed class Tally
    {
        public ConcurrentDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

        public int Sent;

        public int RoutingBroken;

        public void Add(Probe probe, int status) => Statuses.AddOrUpdate($"{probe.Endpoint.Template} {status}", 1, (_, n) => n + 1);

        public int Count(Endpoint endpoint, Func<int, bool> status) =>
            Statuses.Where(kv => kv.Key.StartsWith(endpoint.Template + " ", StringComparison.Ordinal)
                                 && status(int.Parse(kv.Key[(endpoint.Template.Length + 1)..], CultureInfo.InvariantCulture)))
                .Sum(kv => kv.Value);
    }

    private static Uri AbsoluteUri(HttpClient client, Probe probe) => new(client.BaseAddress!, probe.RelativeUrl);

    private static async Task CheckAsync(HttpClient client, Probe probe, Tally tally)
    {
        var uri = AbsoluteUri(client, probe);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (probe.Accept is not null && !request.Headers.TryAddWithoutValidation("Accept", probe.Accept))
        {
            throw new InvalidOperationException($"the client refused Accept: {probe.Accept}");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Interlocked.Increment(ref tally.Sent);
        tally.Add(probe, status);
        var intact = RouteShapeIntact(probe.Endpoint, uri.AbsolutePath);
        if (!intact)
        {
            Interlocked.Increment(ref tally.RoutingBroken);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        string Fail(string why) =>
            $"{why}\n  request: {probe}\n  sent path: {Shorten(uri.AbsolutePath, 300)}\n  route shape intact: {intact}\n" +
            $"  response: {status} {contentType}\n  body: {Shorten(body, 1500)}";

        if (status == 200)
        {
            // Fine: many generated values are valid. A negotiating endpoint answers in one of its media types.
            if (intact && probe.Endpoint.Offered is { } offered && !offered.Contains(contentType, StringComparer.OrdinalIgnoreCase))
            {
                throw new ContractException(Fail($"200 in {contentType}, not one of {string.Join(", ", offered)}"));
            }

            // Dates are parsed strictly (yyyy-MM-dd and nothing else), and every endpoint taking `date` echoes the date
            // it used: so a 200 for one sent date must echo exactly the text that was sent.
            if (intact && probe.Query.Where(q => q.Name == "date").ToList() is [{ Value: { } asked }]
                && JsonNode.Parse(body)?["date"]?.GetValue<string>() is var used && used != asked)
            {
                throw new ContractException(Fail(
                    $"date {JsonSerializer.Serialize(asked)} was accepted as {JsonSerializer.Serialize(used)}: it is not parsed strictly"));
            }

            return;
        }

        if (status is < 400 or >= 500)
        {
            throw new ContractException(Fail(status >= 500 ? "a 5xx" : "neither 200 nor a 4xx"));
        }

        if (!string.Equals(contentType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ContractException(Fail("a 4xx that is not application/problem+json"));
        }

        JsonObject problem;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject ?? throw new ContractException(Fail("the problem is not a JSON object"));
        }
        catch (JsonException e)
        {
            throw new ContractException(Fail($"the problem is not JSON: {e.Message}"));
        }

        var type = problem.Str("type");
        var parameter = problem.Str("parameter");
        if (type is null || !type.StartsWith("/problems/", StringComparison.Ordinal))
        {
            throw new ContractException(Fail("the problem has no type under /problems/"));
        }

        if ((int?)problem["status"] != status)
        {
            throw new ContractException(Fail("the problem's status is not the response's"));
        }

        switch (status)
        {
            case 406:
                if (parameter != "Accept" || type != "/problems/not-acceptable")
                {
                    throw new ContractException(Fail("a 406 that does not name Accept"));
                }

                // A suffix route serves what its suffix names, and refuses (406) an Accept that excludes it.
                if (probe.Accept is null)
                {
                    throw new ContractException(Fail("a 406 without an Accept to refuse"));
                }

                return;

            case 400 or 404 when parameter is null:
                if (status == 404 && !intact && type == "/problems/not-found")
                {
                    return; // routing did not match (see RouteShapeIntact)
                }

                throw new ContractException(Fail($"a {status} that names no parameter"));

            case 400 or 404:
                var allowed = intact ? probe.SentParameters : KnownParameters;
                if (!allowed.Contains(parameter, StringComparer.Ordinal))
                {
                    throw new ContractException(Fail($"names '{parameter}', which the request did not carry"));
                }

                if (problem["errors"]?[parameter] is not JsonArray { Count: > 0 })
                {
                    throw new ContractException(Fail($"errors has no entry for '{parameter}'"));
                }

                return;

            default:
                throw new ContractException(Fail($"an unexpected {status}"));
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : $"{text[..length]}… ({text.Length} chars)";

    /// <summary>A broken contract; its message carries the exact request and response.</summary>
    private sealed class ContractException(string message) : Exception(message);

    private async Task FuzzAsync(string name, Endpoint[] endpoints, Func<Endpoint, Gen<Probe>> probes, long iterations, bool onlyAcceptVaries = false)
    {
        // The shared fixture's database, but a host of our own, so thousands of fuzz requests do not share a host
        // (and its caches and logs) with the other tests of the collection.
        await using var factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow);
        using var client = await factory.CreateReadyClientAsync();
        var tally = new Tally();
        var gen = Gen.OneOf(endpoints.Select(probes).ToArray());
        var clock = Stopwatch.StartNew();
        await gen.SampleAsync(probe => CheckAsync(client, probe, tally), iter: iterations, print: probe => probe.ToString());
        output.WriteLine($"{name}: {tally.Sent} requests in {clock.Elapsed.TotalSeconds:F1} s; route shape broken in {tally.RoutingBroken}");
        foreach (var (key, count) in tally.Statuses.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key}: {count}");
        }

        // Guard against generators that drift into testing nothing: each endpoint must have seen both outcomes.
        foreach (var endpoint in endpoints)
        {
            Assert.True(tally.Count(endpoint, s => s == 200) > 0, $"{endpoint}: no 200 in {iterations} iterations");
            if (!onlyAcceptVaries || endpoint.Offered is not null)
            {
                Assert.True(tally.Count(endpoint, s => s >= 400) > 0, $"{endpoint}: no 4xx in {iterations} iterations");
            }
        }
    }

    // ---------------------------------------------------------------- properties

    [Fact]
    public Task Election_routes_never_fail_and_name_the_bad_id_or_format() =>
        FuzzAsync("elections", [Election, StagesRoute, ElectionContests, ElectionStagesFile], e => Probes(e, MostlyNoAccept), 2000);

    [Fact]
    public Task The_calendar_never_fails_and_names_the_bad_date_or_zone() =>
        FuzzAsync("calendar", [CalendarRoute], e => Probes(e, MostlyNoAccept), 1500);

    [Fact]
    public Task Region_routes_never_fail_and_name_the_bad_code_parent_or_format() =>
        FuzzAsync("regions", [Regions, Region, RegionCalendar, RegionCalendarFile], e => Probes(e, MostlyNoAccept), 2000);

    [Fact]
    public Task Asn_guidance_and_rule_checks_never_fail_and_name_the_bad_parameter() =>
        FuzzAsync("asn", [Guidance, Rule], e => Probes(e, MostlyNoAccept), 2000);

    [Fact]
    public Task Any_Accept_on_any_endpoint_gives_a_representation_or_a_406_naming_Accept() =>
        FuzzAsync("accept", All, ValidProbes, 1200, onlyAcceptVaries: true);

    // ---------------------------------------------------------------- the nastiest fixed inputs, readable on failure

    [Theory]
    [InlineData("/v1/calendar?date=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%94-%EF%BC%90%EF%BC%92-%EF%BC%91%EF%BC%92", "date")]
    [InlineData("/v1/calendar?date=%D9%A2%D9%A0%D9%A2%D9%A4-%D9%A0%D9%A2-%D9%A1%D9%A2", "date")]
    [InlineData("/v1/calendar?date=2024-02-12%00", "date")]
    [InlineData("/v1/calendar?date=2024-02-12%00garbage", "date")]
    [InlineData("/v1/asn/guidance?date=2024-02-12%00&region=33.03", "date")]
    [InlineData("/v1/calendar?zone=Asia%2FJakarta%00", "zone")]
    [InlineData("/v1/regions?parent=33%00", "parent")]
    [InlineData("/v1/asn/rules/may-vote?region=33.03%00", "region")]
    [InlineData("/v1/calendar?date=+12024-01-01", "date")]
    [InlineData("/v1/calendar?date=99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999-01-01", "date")]
    [InlineData("/v1/calendar?zone=..%2F..%2Fetc%2Fpasswd", "zone")]
    [InlineData("/v1/calendar?zone=asia%2Fjakarta", "zone")]
    [InlineData("/v1/calendar?zone=Asia%2FJakarta%E2%80%8B", "zone")]
    [InlineData("/v1/regions?parent=%27%20OR%201%3D1%20--", "parent")]
    [InlineData("/v1/regions?parent=%D9%A3%D9%A3", "parent")]
    [InlineData("/v1/regions?parent=99", "parent")]
    [InlineData("/v1/regions/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "code")]
    [InlineData("/v1/regions/33.%E2%80%8B03", "code")]
    [InlineData("/v1/regions/%E2%80%AE33.03", "code")]
    [InlineData("/v1/regions/%F0%9F%98%80/calendar", "code")]
    [InlineData("/v1/regions/33.03/calendar.ICS", "format")]
    [InlineData("/v1/regions/99.99/calendar.ics", "code")]
    [InlineData("/v1/elections/..%2F..%2Fetc%2Fpasswd", "id")]
    [InlineData("/v1/elections/%27%3B%20DROP%20TABLE%20stage%3B--/stages", "id")]
    [InlineData("/v1/asn/guidance?date=9999-12-31&region=33.03", null)]
    [InlineData("/v1/asn/guidance?date=0001-01-01&region=33.03", null)]
    [InlineData("/v1/asn/guidance?date=0000-01-01&region=33.03", "date")]
    [InlineData("/v1/calendar?date=-2024-01-01", "date")]
    [InlineData("/v1/asn/guidance?region=33.03&zone=Asia%2FUjung_Pandang", "zone")]
    [InlineData("/v1/asn/guidance?region=73.71&zone=Asia%2FUjung_Pandang", null)]
    [InlineData("/v1/asn/guidance?region=%EF%BC%93%EF%BC%93", "region")]
    [InlineData("/v1/asn/guidance?date", "date")]
    [InlineData("/v1/asn/guidance?zone=Etc%2FGMT%2B7&zone=Asia%2FJakarta", "zone")]
    [InlineData("/v1/asn/rules/%3Cimg%20src%3Dx%3E?region=33.03", "id")]
    [InlineData("/v1/asn/rules/no-social-media-support?date=2024-02-29&region=3303%E2%80%8B", "region")]
    public async Task A_nasty_fixed_input_is_a_200_or_a_problem_naming_the_parameter(string url, string? parameter)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        if (parameter is null)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
            return;
        }

        Assert.True((int)response.StatusCode is 400 or 404, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.StartsWith("/problems/", problem.Str("type"), StringComparison.Ordinal);
        Assert.Equal(parameter, problem.Str("parameter"));
        Assert.NotEmpty(problem["errors"]![parameter]!.AsArray());
    }

    [Theory]
    [InlineData("/v1/elections/pemilu-2024", "*/*;q=0")]
    [InlineData("/v1/elections/pemilu-2024/stages", "application/json;q=0, text/csv;q=0, text/calendar;q=0, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;q=0, */*")]
    [InlineData("/v1/calendar?date=2024-02-12", "text/html")]
    [InlineData("/v1/asn/guidance?region=33.03", ";;;")]
    [InlineData("/v1/asn/rules/may-vote", "😀/😀")]
    public async Task A_nasty_Accept_is_a_406_problem_naming_Accept(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        Assert.True(request.Headers.TryAddWithoutValidation("Accept", accept));
        using var response = await fixture.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.NotAcceptable, $"GET {url} Accept: {accept}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(("/problems/not-acceptable", "Accept"), (problem.Str("type"), problem.Str("parameter")));
    }

    [Theory]
    [InlineData("If-None-Match", "\"unterminated")]
    [InlineData("If-None-Match", "W/")]
    [InlineData("If-None-Match", ",,,")]
    [InlineData("If-None-Match", "*, \"a\"")]
    [InlineData("If-Modified-Since", "not a date")]
    [InlineData("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT")]
    [InlineData("If-Modified-Since", "Mon, 01 Jan 0001 00:00:00 GMT")]
    public async Task A_malformed_conditional_header_never_breaks_a_cached_representation(string header, string value)
    {
        foreach (var url in new[] { "/v1/elections/pemilu-2024/stages.ics", "/v1/regions/33.03", "/v1/calendar?date=2024-02-12" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            Assert.True(request.Headers.TryAddWithoutValidation(header, value));
            using var response = await fixture.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotModified, $"GET {url} {header}: {value}: {(int)response.StatusCode} {body}");
        }
    }

    [Theory]
    [InlineData("/v1/elections//stages")]
    [InlineData("/v1/elections/pemilu-2024/stages.")]
    [InlineData("/v1/elections/../stages.json")]
    public async Task A_value_that_breaks_the_route_is_a_plain_not_found_problem(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/problems/not-found", JsonNode.Parse(body).Str("type"));
    }
}
