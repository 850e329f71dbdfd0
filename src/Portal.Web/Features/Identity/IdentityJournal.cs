using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Identity;

/// <summary>
/// The one place identity events are written, in the caller's transaction: window and identity-provider
/// verifications, identity-provider links, agent authorisations and revocations. Each is also an entry of the security
/// audit log (issue 16 part 8, searchable at /Admin/Audit), about the same account, added to the same context so that
/// both commit with the change or neither does.
/// </summary>
public sealed class IdentityJournal(PortalDbContext db, IAuditLog audit)
{
    /// <param name="entry">The identity event.</param>
    /// <param name="userName">The user name of the account the event is about (<see cref="IdentityEvent.UserId"/>).</param>
    public void Record(IdentityEvent entry, string? userName)
    {
        db.IdentityEvents.Add(entry);
        audit.Add(AuditType(entry.Kind), new AuditSubject(entry.UserId, userName ?? ""), entry.Text);
    }

    public static SecurityEventType AuditType(IdentityEventKind kind) => kind switch
    {
        IdentityEventKind.Verified => SecurityEventType.IdentityVerified,
        IdentityEventKind.ProviderLinked => SecurityEventType.IdentityProviderLinked,
        IdentityEventKind.ProviderAccountCreated => SecurityEventType.AccountCreated,
        IdentityEventKind.AgentGranted => SecurityEventType.AgentGranted,
        IdentityEventKind.AgentRevoked => SecurityEventType.AgentRevoked,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
