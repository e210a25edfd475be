using System.Net;
using System.Net.Sockets;

namespace ElectionStages.Api.Tests.Infrastructure;

/// <summary>Helpers for tests that run the API as its own process (<c>dotnet ElectionStages.Api.dll</c>), as deployed.</summary>
internal static class ApiProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "ElectionStages.Api.dll");

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails after 30 s.</summary>
    public static async Task WaitReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the API did not become ready in 30 s");
            await Task.Delay(200);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
