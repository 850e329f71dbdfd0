using System.Diagnostics;
using Npgsql;

namespace Portal.Faults.Support;

/// <summary>
/// A throwaway PostgreSQL cluster of its own for one test (initdb in a temporary folder, a free loopback port), so
/// that stopping it disturbs nobody else. The Debian binaries under /usr/lib/postgresql/*/bin are used; as root they
/// run as the postgres user. Disposing stops the server and removes the folder.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;

    private PostgresCluster(string bin, string folder, int port)
    {
        this.bin = bin;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string DataFolder => Path.Combine(folder, "data");

    public string LogFile => Path.Combine(folder, "server.log");

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), "portal-faults-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var cluster = new PostgresCluster(bin, folder, PortalProcess.FreePort());
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", ["postgres", folder], asPostgres: false);
            }

            await cluster.PgAsync("initdb", "-D", cluster.DataFolder, "-U", "portal", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            await cluster.StartServerAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection string to <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "portal", Database = database }.ConnectionString;

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartServerAsync() =>
        PgAsync(
            "pg_ctl", "-D", DataFolder, "-l", LogFile, "-w", "-t", "60",
            "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c full_page_writes=off",
            "start");

    /// <summary>Stops the server: <c>fast</c> (sessions are ended, a clean shutdown) or <c>immediate</c> (like a crash; recovery on start).</summary>
    public Task StopServerAsync(string mode = "immediate") =>
        PgAsync("pg_ctl", "-D", DataFolder, "-m", mode, "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await PgAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "-t", "60", "stop");
            }
        }
        catch (InvalidOperationException)
        {
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Task PgAsync(string program, params string[] arguments) =>
        RunAsync(Path.Combine(bin, program), arguments, asPostgres: true);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add("postgres");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    private static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); scripts/test.sh installs it.");
    }

    /// <summary>Environment.UserName is the effective user's name on Linux.</summary>
    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";
}
