using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ElectionStages.Api.Operations;
using ElectionStages.Api.Tests.Infrastructure;

namespace ElectionStages.Api.Tests;

/// <summary>More idle connections than the process has descriptors for: the API refuses the excess and keeps answering.</summary>
[Collection(DatabaseCollection.Name)]
public class ConnectionLimitTests(SeededApiFixture fixture)
{
    [Fact]
    public void The_limit_leaves_descriptors_in_reserve()
    {
        Assert.Equal(1536, KestrelLimits.ConnectionLimit(2048));
        Assert.Equal(20_000 - 5_000, KestrelLimits.ConnectionLimit(20_000));
        Assert.Equal(64, KestrelLimits.ConnectionLimit(100));
        Assert.NotNull(KestrelLimits.OpenFilesLimit());
    }

    [Fact]
    public async Task With_an_open_files_limit_of_2048_a_flood_of_2100_idle_connections_leaves_the_API_answering()
    {
        var port = ApiProcess.FreePort();
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ConnectionStrings__Elections"] = fixture.ConnectionString,
                ["Logging__LogLevel__Default"] = "Error",
            },
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"ulimit -n 2048 && exec dotnet '{ApiProcess.Dll}' --urls http://127.0.0.1:{port}");
        using var api = Process.Start(start)!;
        _ = api.StandardOutput.ReadToEndAsync();
        var stderr = api.StandardError.ReadToEndAsync();
        var sockets = new List<Socket>();
        try
        {
            // One client that keeps its connection, as a load balancer's health probe or a busy integrator would.
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ApiProcess.WaitReadyAsync(client);

            for (var i = 0; i < 2100; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, port);
                }
                catch (SocketException)
                {
                    // refused once the backlog is full: that is the point
                }

                sockets.Add(socket);
            }

            await Task.Delay(500);
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync(new Uri("/v1/asn/guidance?date=2024-02-12&region=33.03", UriKind.Relative));
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"exited={api.HasExited} stderr={(api.HasExited ? await stderr : "(running)")}", e);
            }

            using var _ = response;

            Assert.False(api.HasExited, $"the API exited with {(api.HasExited ? api.ExitCode : 0)}: {(api.HasExited ? await stderr : "")}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }

            if (!api.HasExited)
            {
                api.Kill(entireProcessTree: true);
            }

            await api.WaitForExitAsync();
        }
    }
}
