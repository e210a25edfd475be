// The yardstick the benchmark compares against: a bare ASP.NET Core app that writes, from memory, the same bytes the
// API sent. bench/run captures each measured API answer (status line, headers, body) into a folder and starts this app
// with --Responses <folder>; GET /same/<name> then answers with that status, those headers and that body. A captured
// 304 makes the bare 304. GET / (a fixed small JSON) is the readiness probe.
using Microsoft.Extensions.Primitives;

var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => TypedResults.Ok(new { status = "ok", revision = 1 }));

if (builder.Configuration["Responses"] is { Length: > 0 } folder)
{
    foreach (var headersFile in Directory.GetFiles(folder, "*.headers"))
    {
        var name = Path.GetFileNameWithoutExtension(headersFile);
        var response = Captured.Read(headersFile, Path.ChangeExtension(headersFile, ".body"));
        app.MapGet($"/same/{name}", response.WriteAsync);
    }
}

await app.RunAsync();

/// <summary>One captured answer: status, the headers the API chose (not the server's own), body.</summary>
internal sealed class Captured(int status, (string Name, StringValues Value)[] headers, byte[] body)
{
    // Written by the server itself, or describing the transfer rather than the answer.
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
    };

    public static Captured Read(string headersFile, string bodyFile)
    {
        // curl -D: the status line, then "Name: value" lines, then an empty line.
        var lines = File.ReadAllLines(headersFile).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .Where(h => !ServerHeaders.Contains(h.Name))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, new StringValues(g.Select(h => h.Value).ToArray())))
            .ToArray();
        return new Captured(status, headers, File.Exists(bodyFile) ? File.ReadAllBytes(bodyFile) : []);
    }

    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        if (body.Length == 0)
        {
            return Task.CompletedTask;
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
