using System.Net;

namespace Portal.Web.Setup;

/// <summary>
/// <c>Portal:Throttle</c>: per-client limits on the requests a flood or a guesser sends — sign-in and registration
/// posts, 取号 (and 预约签到, which also issues a number), and the utility feed. On by default; <c>TrustedClients</c>
/// lists the hall's own devices and staff networks (addresses or CIDR ranges, e.g. the kiosks behind one address)
/// that are never throttled. Objections and claims on /Notices keep their own guard (Features/Notices/NoticeFloodGuard).
/// </summary>
public sealed class ThrottleOptions
{
    public bool Enabled { get; set; } = true;

    public List<string> TrustedClients { get; set; } = [];

    /// <summary>Sign-in posts: a guesser locks at most two accounts (5 failures each) per window from one address.</summary>
    public ThrottleLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 600 };

    public ThrottleLimit Register { get; set; } = new() { PermitLimit = 5, WindowSeconds = 3600 };

    /// <summary>取号 and 预约签到 posts: a family takes a few numbers, not a queue's worth.</summary>
    public ThrottleLimit Ticket { get; set; } = new() { PermitLimit = 5, WindowSeconds = 600 };

    public ThrottleLimit Feed { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    public bool IsTrusted(IPAddress? address) =>
        address is not null && TrustedClients.Any(t =>
            t.Contains('/') ? IPNetwork.TryParse(t, out var network) && network.Contains(address) : IPAddress.TryParse(t, out var one) && one.Equals(address));
}
