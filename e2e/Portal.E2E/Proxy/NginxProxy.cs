using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Portal.Testing;

namespace Portal.E2E.Proxy;

/// <summary>
/// Debian's nginx in front of portal hosts, as a city runs it: TLS with a certificate made for the test, the hosts as
/// one upstream, forwarded headers. Runs unprivileged from a temporary folder with the repository's
/// scripts/proxy/nginx-portal.conf filled in (the file docs/operations.md shows), on free loopback ports.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    /// <summary>The portal's name in the test; Chromium and the test's HTTP client resolve it to 127.0.0.1.</summary>
    public const string ServerName = "zwfw.portal.test";

    /// <summary>The address nginx connects to the hosts from (proxy_bind): not the client's, so a portal that ignored
    /// X-Forwarded-For would record this one.</summary>
    public const string ProxyAddress = "127.0.0.2";

    private readonly Process process;
    private readonly StringBuilder output = new();

    private NginxProxy(Process process, string folder, int port, int httpPort, X509Certificate2 certificate)
    {
        this.process = process;
        Folder = folder;
        Port = port;
        HttpPort = httpPort;
        Certificate = certificate;
    }

    public string Folder { get; }

    public int Port { get; }

    public int HttpPort { get; }

    /// <summary>The proxy's certificate (self-signed for <see cref="ServerName"/>); the test's HTTP client trusts exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    public string Url => $"https://{ServerName}:{Port}";

    public string AccessLogPath => Path.Combine(Folder, "access.log");

    /// <summary>Chromium's argument that resolves the portal's name to loopback.</summary>
    public static string HostResolverRule => $"--host-resolver-rules=MAP {ServerName} 127.0.0.1";

    public static async Task<NginxProxy> StartAsync(params string[] hosts)
    {
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
            : throw new InvalidOperationException("nginx not found: install Debian's nginx package (scripts/test.sh does).");
        var folder = Path.Combine(Path.GetTempPath(), "portal-nginx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        var certificate = WriteCertificate(folder);
        var port = FreePort();
        var httpPort = FreePort();
        var template = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "scripts", "proxy", "nginx-portal.conf"));
        var config = template
            .Replace("@USER@", Environment.UserName, StringComparison.Ordinal)
            .Replace("@PREFIX@", folder, StringComparison.Ordinal)
            .Replace("@HOST_A@", hosts[0], StringComparison.Ordinal)
            .Replace("@HOST_B@", hosts[1], StringComparison.Ordinal)
            .Replace("@LISTEN@", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("@HTTP_LISTEN@", $"127.0.0.1:{httpPort}", StringComparison.Ordinal)
            .Replace("@HTTPS_PORT@", $":{port}", StringComparison.Ordinal)
            .Replace("@SERVER_NAME@", ServerName, StringComparison.Ordinal)
            .Replace("@CERT@", Path.Combine(folder, "portal.crt"), StringComparison.Ordinal)
            .Replace("@KEY@", Path.Combine(folder, "portal.key"), StringComparison.Ordinal)
            .Replace("@PROXY_BIND@", $"proxy_bind {ProxyAddress};", StringComparison.Ordinal);
        if (System.Text.RegularExpressions.Regex.Match(config, "@[A-Z_]+@") is { Success: true } unfilled)
        {
            throw new InvalidOperationException($"scripts/proxy/nginx-portal.conf has a placeholder the test does not fill: {unfilled.Value}");
        }

        var configPath = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);

        var info = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-p", folder, "-c", configPath, "-e", Path.Combine(folder, "error.log") })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start nginx.");
        var proxy = new NginxProxy(process, folder, port, httpPort, certificate);
        process.OutputDataReceived += (_, e) => proxy.Append(e.Data);
        process.ErrorDataReceived += (_, e) => proxy.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    /// <summary>An HTTP client for the proxy's address that trusts only its certificate and connects from
    /// <paramref name="from"/> (a loopback address) without following redirects or keeping cookies.</summary>
    public HttpClient Client(string from = "127.0.0.1")
    {
        var thumbprint = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
            },
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The access log's lines so far.</summary>
    public IReadOnlyList<AccessLine> AccessLog() =>
        File.Exists(AccessLogPath) ? File.ReadAllLines(AccessLogPath).Select(AccessLine.Parse).ToList() : [];

    public string ErrorLog() => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Certificate.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A self-signed certificate for <see cref="ServerName"/> (ECDSA P-256), written as PEM files for nginx.</summary>
    private static X509Certificate2 WriteCertificate(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={ServerName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        File.WriteAllText(Path.Combine(folder, "portal.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "portal.key"), key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    private async Task WaitUntilListeningAsync()
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited during start-up:\n{Output}\n{ErrorLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"nginx did not listen on {Port}:\n{Output}\n{ErrorLog()}");
    }

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
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

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>One line of the proxy's access log (log_format portal).</summary>
public sealed record AccessLine(string Client, string Request, int Status, IReadOnlyList<string> Upstreams, IReadOnlyList<string> UpstreamStatuses, string Text)
{
    public static AccessLine Parse(string line)
    {
        var client = line[..line.IndexOf(' ', StringComparison.Ordinal)];
        var request = line.Split('"')[1];
        var afterRequest = line[(line.LastIndexOf('"') + 1)..].Trim().Split(' ');
        var status = int.Parse(afterRequest[0], System.Globalization.CultureInfo.InvariantCulture);
        static IReadOnlyList<string> Field(string line, string name, string next)
        {
            var start = line.IndexOf(name + "=", StringComparison.Ordinal) + name.Length + 1;
            var end = line.IndexOf(" " + next + "=", start, StringComparison.Ordinal);
            return line[start..end].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(v => v != "-").ToList();
        }

        return new AccessLine(client, request, status, Field(line, "upstream", "upstream_status"), Field(line, "upstream_status", "time"), line);
    }

    /// <summary>The host that gave the final answer.</summary>
    public string? AnsweredBy => Upstreams.Count == 0 ? null : Upstreams[^1];

    /// <summary>The line as nginx wrote it (what a failed assertion shows).</summary>
    public override string ToString() => Text;
}
