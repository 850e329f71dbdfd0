namespace Portal.Infrastructure.Security;

/// <summary>
/// One signed-in session, kept on the server (the sign-in cookie carries only its key). Signing out deletes it, so a
/// copied or replayed cookie opens nothing afterwards; ending a person's sessions (password change, role change, an
/// administrator's lock) deletes their rows. The key itself is never stored: <see cref="Id"/> is its SHA-256, so
/// reading this table does not give anyone a session (docs/decisions/0015-sessions-and-second-factor.md).
/// </summary>
public class PortalSession
{
    /// <summary>SHA-256 of the session key (64 hex characters).</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>When the person signed in.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the ticket was last written (sign-in or sliding renewal).</summary>
    public DateTime RenewedAt { get; set; }

    /// <summary>The idle limit as of the last renewal (the ticket's own expiry; kept here to clean up old rows).</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>The absolute limit (staff: sign-in + Portal:Sessions:StaffAbsoluteHours), however active the session is.</summary>
    public DateTime? AbsoluteExpiresAt { get; set; }

    /// <summary>The authentication ticket (claims and properties), serialized.</summary>
    public byte[] Ticket { get; set; } = [];
}
