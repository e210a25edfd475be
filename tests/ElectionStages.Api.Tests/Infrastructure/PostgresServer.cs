using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ElectionStages.Api.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests. With <c>ConnectionStrings__Elections</c> set, tests create their databases
/// on that server; otherwise a throwaway cluster is started from the installed binaries (/usr/lib/postgresql/*/bin)
/// in a temp directory and removed afterwards. As root it runs as the <c>postgres</c> user, since PostgreSQL refuses
/// root. If no server can be had the tests fail: they are never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? directory;
    private readonly string? binDirectory;
    private readonly int port;
    private int databaseCounter;

    private PostgresServer(string adminConnectionString, string? directory, string? binDirectory, int port)
    {
        AdminConnectionString = adminConnectionString;
        this.directory = directory;
        this.binDirectory = binDirectory;
        this.port = port;
    }

    /// <summary>Connects to the server's maintenance database with a role that may create databases.</summary>
    public string AdminConnectionString { get; }

    public bool IsThrowaway => directory is not null;

    public static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("ConnectionStrings__Elections");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given, null, null, 0);
        }

        return await StartThrowawayAsync();
    }

    /// <summary>Always a private server from the installed binaries, e.g. for a test that stops and restarts it.</summary>
    public static async Task<PostgresServer> StartThrowawayAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries under /usr/lib/postgresql/*/bin and ConnectionStrings__Elections is not set. " +
            "Install Debian's 'postgresql' package or point ConnectionStrings__Elections at a server.");
        var dir = Path.Combine(Path.GetTempPath(), $"electionstages-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var port = FreePort();
        var server = new PostgresServer(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", dir, bin, port);
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", "postgres:", dir);
            }

            await RunAsOwnerAsync(Path.Combine(bin, "initdb"), "-D", server.DataDirectory, "-U", "postgres", "-A", "trust",
                "--encoding=UTF8", "--no-sync", "--locale=C.UTF-8");
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database on this server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}_{DateTime.UtcNow.Ticks % 100000}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Stops the throwaway server (fast shutdown); for tests of a database outage.</summary>
    public Task StopServerAsync() =>
        RunAsOwnerAsync(Path.Combine(RequireThrowaway(), "pg_ctl"), "-D", DataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>The throwaway server's log file (statements appear there when <c>log_statement</c> says so).</summary>
    public string LogPath => Path.Combine(directory ?? throw new InvalidOperationException("not a throwaway server"), "server.log");

    /// <summary>The throwaway server's client-authentication file.</summary>
    public string HbaPath => Path.Combine(DataDirectory, "pg_hba.conf");

    /// <summary>
    /// Stops (SIGSTOP) the throwaway server and all its processes without closing a socket: a frozen database. The
    /// postmaster is stopped first, so that it cannot fork a process the freeze would miss.
    /// </summary>
    public async Task FreezeAsync()
    {
        var postmaster = Postmaster();
        await SignalAsync("-STOP", [postmaster]);
        await SignalAsync("-STOP", ChildrenOf(postmaster));
    }

    /// <summary>Lets a frozen server run again (SIGCONT); a process that ended meanwhile is no error.</summary>
    public async Task ThawAsync()
    {
        var postmaster = Postmaster();
        await SignalAsync("-CONT", [.. ChildrenOf(postmaster), postmaster]);
    }

    private int Postmaster()
    {
        RequireThrowaway();
        return int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var stat in Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "stat")).Where(File.Exists))
        {
            try
            {
                var fields = File.ReadAllText(stat);
                var afterName = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(afterName[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(int.Parse(Path.GetFileName(Path.GetDirectoryName(stat)!), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
        }

        return children;
    }

    // kill(1) signals every pid it can and exits 1 if one had ended: that is not an error here.
    private static Task SignalAsync(string signal, List<int> pids) =>
        pids.Count == 0
            ? Task.CompletedTask
            : RunAsync("kill", [signal, .. pids.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))], mayFail: true);

    public Task StartServerAsync() =>
        RunAsOwnerAsync(Path.Combine(RequireThrowaway(), "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(directory!, "server.log"), "-w",
            "-o", $"-p {port} -k '{directory}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");

    public async ValueTask DisposeAsync()
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                // A test that froze the server and failed before thawing it must not leave a stopped postmaster behind.
                await ThawAsync();
                try
                {
                    await RunAsOwnerAsync(Path.Combine(binDirectory!, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-t", "20", "-w", "stop");
                }
                catch (InvalidOperationException stopFailed)
                {
                    // Never hide the test's own result behind a cleanup failure: kill what is left and say so.
                    var postmaster = Postmaster();
                    await SignalAsync("-KILL", [.. ChildrenOf(postmaster), postmaster]);
                    await Console.Error.WriteLineAsync($"throwaway PostgreSQL did not stop, killed: {stopFailed.Message}");
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string DataDirectory => Path.Combine(directory!, "data");

    private static bool IsRoot => Environment.UserName == "root";

    private string RequireThrowaway() =>
        binDirectory ?? throw new InvalidOperationException("Only a throwaway server started by the tests can be stopped.");

    private static Task RunAsOwnerAsync(string program, params string[] arguments) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static Task RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, mayFail: false);

    private static async Task RunAsync(string program, string[] arguments, bool mayFail)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => bin, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
