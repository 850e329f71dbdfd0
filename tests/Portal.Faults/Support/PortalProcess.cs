using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Portal.Faults.Support;

/// <summary>
/// The real portal as its own OS process: <c>dotnet Portal.Web.dll --urls http://127.0.0.1:&lt;port&gt;</c> with the
/// database and settings given as environment variables, exactly as it is deployed. Its standard output and error are
/// kept (the log sender's lines are counted from them). <see cref="Kill"/> is SIGKILL on Linux.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process process;
    private readonly List<string> lines = [];

    private PortalProcess(string name, Process process, string url)
    {
        Name = name;
        this.process = process;
        Url = url;
    }

    /// <summary>A short name for messages (e.g. "A", "B", "after restart").</summary>
    public string Name { get; }

    public string Url { get; }

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public string Output => string.Join('\n', Lines);

    /// <summary>The last lines of the output, for failure messages.</summary>
    public string Tail(int count = 60) => string.Join('\n', Lines.TakeLast(count));

    /// <summary>
    /// Starts a portal on <paramref name="database"/> and waits until it answers pages. Defaults: Production, no demo
    /// data, background sweep and notification sending as configured by <paramref name="settings"/> (which add to or
    /// override the environment, e.g. <c>Portal__SeedDemoData=true</c>).
    /// </summary>
    public static async Task<PortalProcess> StartAsync(string name, TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = PortalDll();
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);

        // Nothing the test runner's own environment says about ASP.NET Core or the database reaches the portal.
        foreach (var key in info.Environment.Keys.Where(k =>
                     k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Portal__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Database__Provider"] = database.Provider;
        info.Environment["ConnectionStrings__Portal"] = database.ConnectionString;
        info.Environment["Portal__SeedDemoData"] = "false";

        // Every client of these tests is 127.0.0.1: the per-client throttles (tested in Portal.Web.Tests) would refuse them.
        info.Environment["Portal__Throttle__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
        var portal = new PortalProcess(name, process, url);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilReadyAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>
    /// Lowers the CPU priority of every thread of the portal (nice 10; threads it starts later inherit it). On a machine
    /// with two cores a busy portal can otherwise keep the test's own threads from reading the answers it has sent; with
    /// this, the test sees every answer as it arrives. What the portal does is unchanged, only who runs first.
    /// </summary>
    public async Task LowerPriorityAsync()
    {
        var tasks = $"/proc/{process.Id}/task";
        if (!OperatingSystem.IsLinux() || !Directory.Exists(tasks))
        {
            return;
        }

        var info = new ProcessStartInfo("renice") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", "10", "-p" }.Concat(Directory.GetDirectories(tasks).Select(Path.GetFileName).OfType<string>()))
        {
            info.ArgumentList.Add(argument);
        }

        using var renice = Process.Start(info);
        if (renice is not null)
        {
            await renice.StandardOutput.ReadToEndAsync();
            await renice.WaitForExitAsync();
        }
    }

    /// <summary>SIGKILL (the whole process tree): no shutdown code of the portal runs.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async Task KillAndWaitAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
        }

        process.Dispose();
    }

    /// <summary>Polls the health check and then a page until the portal answers both (the database is migrated and seeded by then).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Portal {Name} exited during start-up (code {process.ExitCode}):\n{Tail(80)}");
            }

            try
            {
                using var health = await http.GetAsync(Url + "/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    using var page = await http.GetAsync(Url + "/Account/Login");
                    if (page.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Portal {Name} did not answer within {StartTimeout.TotalSeconds:0} s:\n{Tail(80)}");
    }

    /// <summary>
    /// The portal built together with these tests: src/Portal.Web/bin/&lt;Configuration&gt;/net10.0/Portal.Web.dll
    /// (the configuration is recorded at build time), or else the newest Portal.Web.dll under src/Portal.Web/bin.
    /// </summary>
    public static string PortalDll()
    {
        var recorded = typeof(PortalProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PortalWebOutput")?.Value;
        if (recorded is not null)
        {
            var dll = Path.GetFullPath(Path.Combine(recorded, "Portal.Web.dll"));
            if (File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            {
                return dll;
            }
        }

        var bin = Path.Combine(Repository.Root, "src", "Portal.Web", "bin");
        var newest = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "Portal.Web.dll", SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f, ".runtimeconfig.json")))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException($"Build the portal first: no Portal.Web.dll under {bin}.");
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }
}
