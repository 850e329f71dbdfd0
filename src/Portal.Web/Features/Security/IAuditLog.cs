using Portal.Infrastructure.Security;

namespace Portal.Web.Features.Security;

/// <summary>
/// The security audit log (网络安全法 第二十一条), for any feature to record a security-relevant event: sign-ins,
/// second-factor changes, identity verification, role and account changes, exports of personal data. The entry is
/// added in the current unit of work: inside a command it is committed (or rolled back) with the change it records.
/// Who acted and from which address are taken from the request; pass the account the event is about.
/// Entries are never changed or removed by the portal; administrators search them at /Admin/Audit.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(SecurityEventType type, AuditSubject subject, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>Adds the entry to the request's context without saving: it commits with the caller's own SaveChanges.</summary>
    void Add(SecurityEventType type, AuditSubject subject, string? detail = null);
}
