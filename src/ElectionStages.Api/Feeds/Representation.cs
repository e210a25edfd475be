using System.Globalization;
using System.Security.Cryptography;
using ElectionStages.Domain;

namespace ElectionStages.Api.Feeds;

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
}
