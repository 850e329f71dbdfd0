namespace Portal.Infrastructure.Security;

/// <summary>
/// One entry of the security audit log (网络安全法 第二十一条: kept at least six months). Append-only: the portal adds
/// entries and never changes one; the database refuses UPDATE, and DELETE of entries younger than the retention floor
/// (a trigger); the retention job removes only entries older than the configured retention (at least 180 days).
/// </summary>
public class SecurityEvent
{
    public long Id { get; set; }

    public DateTime OccurredAt { get; set; }

    public SecurityEventType Type { get; set; }

    /// <summary>The account concerned, when it exists.</summary>
    public string? UserId { get; set; }

    /// <summary>Its user name; for a user name that has no account, masked (it may be a mistyped password).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Who did it when that is someone else (an administrator), else null.</summary>
    public string? ActorId { get; set; }

    public string? ActorName { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>What else matters (roles before → after, which export, the reason of a refusal), in Chinese, personal data masked.</summary>
    public string? Detail { get; set; }
}
