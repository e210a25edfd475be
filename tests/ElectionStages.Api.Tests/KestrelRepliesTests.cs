using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>
/// Raw HTTP/1.1 against the API on a real Kestrel: what the server rejects itself, before any middleware runs, and what
/// the app answers as a problem (docs/operations.md, "Kestrel's own replies").
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class KestrelRepliesTests(SeededApiFixture fixture) : IAsyncLifetime, IDisposable
{
    private ApiFactory factory = null!;
    private int port;

    public async Task InitializeAsync()
    {
        port = FreePort();
        factory = new ApiFactory(fixture.ConnectionString, SeededApiFixture.DefaultNow);
        factory.UseKestrel(port);
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the API on Kestrel was not ready in 30 s");
        }
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    public void Dispose() => factory?.Dispose();

    public static TheoryData<string, string, int> ContentOnAGet => new()
    {
        { "Content-Length", "Content-Length: 5\r\n\r\nhello", 413 },
        { "chunked", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 413 },
    };

    [Theory]
    [MemberData(nameof(ContentOnAGet))]
    public async Task A_GET_with_request_content_is_a_413_problem(string kind, string headersAndContent, int status)
    {
        var reply = await SendAsync($"GET /v1/elections HTTP/1.1\r\nHost: localhost\r\n{headersAndContent}");

        Assert.True(reply.Status == status, $"{kind}: {reply.Raw}");
        Assert.Equal("application/problem+json", reply.Header("Content-Type"));
        Assert.Equal("nosniff", reply.Header("X-Content-Type-Options"));
        using var problem = JsonDocument.Parse(reply.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("dikirim dengan isi permintaan", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_POST_with_content_is_the_routers_405_problem()
    {
        var reply = await SendAsync("POST /v1/elections HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");

        Assert.True(reply.Status == 405, reply.Raw);
        Assert.Equal("application/problem+json", reply.Header("Content-Type"));
    }

    /// <summary>
    /// Rejected by Kestrel while it parses, before the app sees a request: no hook in .NET 10 lets an app write these
    /// replies (IBadRequestExceptionFeature only reports them), so they stay a bare status line with no content, and
    /// the connection is closed. The limits are the API's own (KestrelLimits).
    /// </summary>
    public static TheoryData<string, string, int> RejectedByKestrel => new()
    {
        { "malformed request line", "GARBAGE\r\n\r\n", 400 },
        { "no Host header", "GET /v1/elections HTTP/1.1\r\n\r\n", 400 },
        { "invalid header", "GET /v1/elections HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n", 400 },
        { "request line over 8 KiB", $"GET /v1/elections?x={new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { "headers over 16 KiB", $"GET /v1/elections HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 17000)}\r\n\r\n", 431 },
        { "more than 50 headers", $"GET /v1/elections HTTP/1.1\r\nHost: localhost\r\n{string.Concat(Enumerable.Range(0, 51).Select(i => $"X-H{i}: v\r\n"))}\r\n", 431 },
    };

    [Theory]
    [MemberData(nameof(RejectedByKestrel))]
    public async Task What_Kestrel_rejects_itself_is_a_bare_status_and_the_server_keeps_answering(string kind, string request, int status)
    {
        var reply = await SendAsync(request);

        Assert.True(reply.Status == status, $"{kind}: {reply.Raw}");
        Assert.Equal("0", reply.Header("Content-Length"));
        Assert.Equal("close", reply.Header("Connection"));
        Assert.Null(reply.Header("X-Content-Type-Options"));
        var next = await SendAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, next.Status);
    }

    /// <summary>Sends the bytes and reads one response: to its Content-Length, its last chunk, or the server's close.</summary>
    private async Task<Reply> SendAsync(string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new StringBuilder();
        var buffer = new byte[64 * 1024];
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
            while (!Complete(received.ToString()))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // a reset after the reply (Kestrel closes with part of an oversized request unread): keep what arrived
        }

        return Reply.Parse(received.ToString());
    }

    private static bool Complete(string raw)
    {
        var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var head = raw[..end];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            return raw.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        }

        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is not null && raw.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Reply(string Raw, int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
    {
        public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        public static Reply Parse(string raw)
        {
            var end = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(end > 0, $"no complete response: '{raw}'");
            var lines = raw[..end].Split("\r\n");
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            var headers = lines.Skip(1)
                .Select(line => (Name: line[..line.IndexOf(':', StringComparison.Ordinal)], Value: line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                .Select(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) ? (h.Name, Value: h.Value.Split(';')[0]) : h)
                .ToList();
            var body = raw[(end + 4)..];
            var chunked = headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value == "chunked");
            return new Reply(raw, status, headers, chunked ? Dechunk(body) : body);
        }

        private static string Dechunk(string chunked)
        {
            var body = new StringBuilder();
            for (var at = 0; ;)
            {
                var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
                var size = Convert.ToInt32(chunked[at..lineEnd].Split(';')[0], 16);
                if (size == 0)
                {
                    return body.ToString();
                }

                body.Append(chunked, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }
}
