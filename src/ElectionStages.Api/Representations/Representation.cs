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
        LastModifiedHeader = Microsoft.Net.Http.Headers.HeaderUtilities.FormatDate(LastModified);
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public string ETag { get; }

    /// <summary>The ETag parsed once, for comparing with If-None-Match on every request.</summary>
    public Microsoft.Net.Http.Headers.EntityTagHeaderValue ParsedETag { get; }

    public DateTimeOffset LastModified { get; }

    /// <summary><see cref="LastModified"/> as the header says it (RFC 9110 IMF-fixdate), formatted once.</summary>
    public string LastModifiedHeader { get; }

    /// <summary>The <c>Content-Disposition</c> of a file download (<c>attachment; filename=pemilu-2024-tahapan.csv</c>), or null.</summary>
    public string? ContentDisposition { get; init; }

    /// <summary>False for a body that is already compressed (XLSX is a zip): it is always sent as it is.</summary>
    public bool Compressible { get; init; } = true;

    /// <summary>
    /// What the representation costs in memory now, for the cache's byte budget: the body and every compressed form it
    /// keeps (each array with its header), the ETag in both forms, the Last-Modified header, the object itself, and the cache's own entry for
    /// it with its key (<see cref="RepresentationCache"/>). It grows when a compressed form is added.
    /// </summary>
    public long CostBytes =>
        ObjectSizes.EntryOverhead + ObjectSizes.Of(CacheKey) + ObjectSizes.RepresentationObject + ObjectSizes.Of(ETag) +
        ObjectSizes.EntityTagObject + ObjectSizes.Of(ETag) + ObjectSizes.Of(LastModifiedHeader) + ObjectSizes.Of(Body) + ObjectSizes.Of(ContentDisposition) +
        ObjectSizes.Of(Volatile.Read(ref brotli)) + ObjectSizes.Of(Volatile.Read(ref gzip));

    private byte[]? brotli;
    private byte[]? gzip;

    /// <summary>The cache's key for this representation, and whom to tell when a compressed form is added (set by the
    /// cache that keeps it, so that it can count the new bytes).</summary>
    internal string? CacheKey { get; set; }

    internal Action<Representation>? Grew { get; set; }

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
        if (Interlocked.CompareExchange(ref slot, compressed, null) is { } first)
        {
            return first;
        }

        Grew?.Invoke(this);
        return compressed;
    }
}

/// <summary>
/// What objects cost on the 64-bit runtime: a header and method-table pointer (16 bytes) before the fields, an array's
/// length after them, everything rounded up to 8 bytes.
/// </summary>
internal static class ObjectSizes
{
    /// <summary>A MemoryCache entry (CacheEntry with its fields and state) and its ConcurrentDictionary node.</summary>
    public const long EntryOverhead = 160 + 48;

    /// <summary><see cref="Representation"/>: nine references and a DateTimeOffset.</summary>
    public const long RepresentationObject = 16 + (9 * 8) + 16;

    /// <summary>An EntityTagHeaderValue (a StringSegment and a flag); its tag string is counted apart.</summary>
    public const long EntityTagObject = 16 + 16 + 8;

    public static long Of(string? text) => text is null ? 0 : Round(16 + 4 + 2 + (2L * text.Length));

    public static long Of(byte[]? array) => array is null ? 0 : Round(16 + 8 + array.LongLength);

    private static long Round(long bytes) => (bytes + 7) & ~7L;
}
