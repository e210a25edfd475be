using System.Buffers;
using System.IO.Compression;
using Microsoft.Net.Http.Headers;

namespace ElectionStages.Api.Representations;

/// <summary>
/// The content codings a representation is served in: Brotli, gzip, or none. A representation is compressed once per
/// coding and kept beside its body (see <see cref="Representation.Encoded"/>), instead of once per request by the
/// response-compression middleware: a 48 KB answer costs about half a millisecond of CPU to Brotli-compress, many times
/// what it costs to send, and most real clients (browsers, HttpClient, curl --compressed) ask for it.
/// </summary>
internal static class ContentCodings
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";
    private const string Identity = "identity";

    /// <summary>Brotli quality 6: close to the best ratio for JSON/CSV/iCalendar at a few milliseconds per 70 KB, paid once.</summary>
    private const int BrotliQuality = 6;

    /// <summary>
    /// Brotli's window, as small as covers the whole body (2^10 to 2^22 bytes): the same compression as a larger one,
    /// since nothing lies further back than the body's start, but the encoder's working memory follows the window
    /// (a 4 MB window for a 100 KB body cost megabytes per concurrent compression; bench/memory).
    /// </summary>
    private static int BrotliWindow(int length) => Math.Clamp(System.Numerics.BitOperations.Log2((uint)Math.Max(length, 1)) + 1, 10, 22);

    /// <summary>
    /// The coding to send for the request's <c>Accept-Encoding</c> (RFC 9110 §12.5.3): the acceptable one with the
    /// highest q, Brotli before gzip on a tie; none when there is no header, nothing we have is acceptable, or the client
    /// ranks <c>identity</c> above both.
    /// </summary>
    public static string? Choose(HttpRequest request)
    {
        var header = request.Headers.AcceptEncoding;
        if (header.Count == 0)
        {
            return null;
        }

        if (!StringWithQualityHeaderValue.TryParseList(header, out var values))
        {
            return null;
        }

        double brotli = -1, gzip = -1, identity = -1, any = -1;
        foreach (var value in values)
        {
            var q = value.Quality ?? 1.0;
            var coding = value.Value;
            if (coding.Equals(Brotli, StringComparison.OrdinalIgnoreCase))
            {
                brotli = Math.Max(brotli, q);
            }
            else if (coding.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = Math.Max(gzip, q);
            }
            else if (coding.Equals(Identity, StringComparison.OrdinalIgnoreCase))
            {
                identity = Math.Max(identity, q);
            }
            else if (coding.Equals("*", StringComparison.Ordinal))
            {
                any = Math.Max(any, q);
            }
        }

        // A coding not named takes the q of "*", if any.
        brotli = brotli >= 0 ? brotli : Math.Max(any, 0);
        gzip = gzip >= 0 ? gzip : Math.Max(any, 0);
        var (best, bestQ) = brotli >= gzip ? (Brotli, brotli) : (Gzip, gzip);
        return bestQ > 0 && bestQ >= identity ? best : null;
    }

    public static byte[] Compress(byte[] body, string coding) => coding switch
    {
        Brotli => CompressBrotli(body),
        Gzip => CompressGzip(body),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "not a content coding this API serves"),
    };

    /// <summary>
    /// Into a pooled buffer, then copied at its real size: the worst-case buffer of a large body would otherwise be a
    /// fresh array on the large object heap for every body compressed.
    /// </summary>
    private static byte[] CompressBrotli(byte[] body)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(body.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(body, buffer, out var written, BrotliQuality, BrotliWindow(body.Length)))
            {
                throw new InvalidOperationException("Brotli compression did not fit its maximum compressed length.");
            }

            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] CompressGzip(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 3);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
