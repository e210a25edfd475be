using System.Globalization;
using System.Security.Cryptography;
using ElectionStages.Domain;

namespace ElectionStages.Api.Representations;

/// <summary>
/// The bytes of one representation of a resource at one data revision, with its validators. The ETag is weak
/// (compression changes the bytes on the wire) and derives from the revision and the body, so the same data served by
/// any instance, before or after a restart, has the same ETag.
/// </summary>
internal sealed class Representation
{
    public Representation(byte[] body, string contentType, CalendarSnapshot snapshot, NodaTime.Instant? changedSince = null)
    {
        Body = body;
        ContentType = contentType;
        var hash = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8));
        ETag = $"W/\"{snapshot.Revision.ToString(CultureInfo.InvariantCulture)}-{hash}\"";
        ParsedETag = Microsoft.Net.Http.Headers.EntityTagHeaderValue.Parse(ETag);
        // An answer about "today" changes at midnight as well as on import.
        LastModified = (changedSince is { } since && since > snapshot.ImportedAt ? since : snapshot.ImportedAt).ToDateTimeOffset();
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public string ETag { get; }

    /// <summary>The ETag parsed once, for comparing with If-None-Match on every request.</summary>
    public Microsoft.Net.Http.Headers.EntityTagHeaderValue ParsedETag { get; }

    public DateTimeOffset LastModified { get; }

    /// <summary>The <c>Content-Disposition</c> of a file download (<c>attachment; filename=pemilu-2024-tahapan.csv</c>), or null.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>False for a body that is already compressed (XLSX is a zip): it is always sent as it is.</summary>
    public bool Compressible { get; init; } = true;

    /// <summary>
    /// What the representation may hold once its compressed forms exist, for the cache's byte budget: JSON, CSV and
    /// iCalendar compress to well under a third of their size in either coding, so half the body again covers both.
    /// </summary>
    public long BudgetBytes => Body.Length + (Compressible ? Body.Length / 2 : 0) + 256;

    private byte[]? brotli;
    private byte[]? gzip;

    /// <summary>
    /// The body in a content coding (<see cref="ContentCodings"/>), compressed on first use and then kept: the same bytes
    /// for every later request, as long as the representation is cached.
    /// </summary>
    public byte[] Encoded(string coding) => coding switch
    {
        ContentCodings.Brotli => Volatile.Read(ref brotli) ?? Keep(ref brotli, coding),
        ContentCodings.Gzip => Volatile.Read(ref gzip) ?? Keep(ref gzip, coding),
        _ => Body,
    };

    /// <summary>Compresses and keeps the first result stored (two racing requests compress the same bytes).</summary>
    private byte[] Keep(ref byte[]? slot, string coding)
    {
        var compressed = ContentCodings.Compress(Body, coding);
        return Interlocked.CompareExchange(ref slot, compressed, null) ?? compressed;
    }
}
