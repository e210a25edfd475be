using System.Diagnostics;
using System.Text.RegularExpressions;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>The access log as deployed: the API's own process, its appsettings.json, its console.</summary>
[Collection(DatabaseCollection.Name)]
public partial class AccessLogTests(SeededApiFixture fixture)
{
    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INF ElectionStages\.AccessLog: (?<method>[A-Z]+) (?<target>\S+) (?<status>\d{3}) \d+us$")]
    private static partial Regex AccessLine();

    [Fact]
    public async Task Each_request_is_one_line_with_method_target_and_status_and_a_forged_newline_stays_in_it()
    {
        var port = ApiProcess.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["ConnectionStrings__Elections"] = fixture.ConnectionString },
        };
        foreach (var argument in new[] { ApiProcess.Dll, "--contentRoot", AppContext.BaseDirectory, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var api = Process.Start(start)!;
        var lines = new List<string>();
        api.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        api.BeginOutputReadLine();
        _ = api.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ApiProcess.WaitReadyAsync(client);
            string[] Logged()
            {
                lock (lines)
                {
                    // The readiness polls are logged too, and may still be on their way.
                    return [.. lines.Where(l => l.Contains(" ElectionStages.AccessLog: ", StringComparison.Ordinal) && !l.Contains(" /health/", StringComparison.Ordinal))];
                }
            }

            var before = Logged().Length;
            (HttpMethod Method, string Target, int Status)[] requests =
            [
                (HttpMethod.Get, "/v1/calendar?date=2024-02-12", 200),
                (HttpMethod.Head, "/v1/elections/pemilu-2024/stages", 200),
                (HttpMethod.Get, "/v1/asn/guidance?regoin=33.03", 400),
                (HttpMethod.Get, "/v1/%0A2026-01-01%2000:00:00.000%20INF%20forged", 404),
            ];
            foreach (var (method, target, status) in requests)
            {
                using var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(target, UriKind.Relative)));
                Assert.Equal(status, (int)response.StatusCode);
            }

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Logged().Length < before + requests.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(300); // anything more than one line per request would arrive by now
            var logged = Logged()[before..];
            Assert.Equal(requests.Length, logged.Length);
            foreach (var ((method, target, status), line) in requests.Zip(logged))
            {
                var match = AccessLine().Match(line);
                Assert.True(match.Success, line);
                Assert.Equal(method.Method, match.Groups["method"].Value);
                Assert.Equal(target, match.Groups["target"].Value);
                Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), match.Groups["status"].Value);
            }

            lock (lines)
            {
                Assert.DoesNotContain(lines, l => l.Contains("forged", StringComparison.Ordinal) && !l.Contains("%20forged", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
            }

            await api.WaitForExitAsync();
        }
    }
}
