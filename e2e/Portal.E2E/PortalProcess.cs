using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Portal.Testing;

namespace Portal.E2E;

/// <summary>
/// Starts the real portal (the built Portal.Web.dll) as its own process on a free loopback port with a fresh
/// SQLite file and the Development demo data, exactly as the README's run command does.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private PortalProcess(Process process, string url, string dataFolder)
    {
        this.process = process;
        Url = url;
        DataFolder = dataFolder;
    }

    public string Url { get; }

    public string DataFolder { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts a portal; <paramref name="environment"/> adds to (or overrides) its environment variables,
    /// e.g. <c>Portal__TestClock=true</c> for a portal whose clock a test may move forward.</summary>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var root = Repository.Root;
        // e2e/Portal.E2E/bin/<Configuration>/net10.0/ → the same configuration of the web project.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var webBin = Path.Combine(root, "src", "Portal.Web", "bin", configuration, "net10.0");
        var dll = Path.Combine(webBin, "Portal.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the portal first: {dll} is missing.");
        }

        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var data = Path.Combine(Path.GetTempPath(), "portal-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webBin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__Portal"] = $"Data Source={Path.Combine(data, "portal.db")}";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the portal.");
        var portal = new PortalProcess(process, url, data);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return portal;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The portal exited during start-up:\n" + Output);
            }

            try
            {
                var response = await http.GetAsync(Url + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
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

        throw new TimeoutException("The portal did not become healthy:\n" + Output);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
