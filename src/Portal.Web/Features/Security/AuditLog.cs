using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Security;

public sealed class AuditLog(PortalDbContext db, CurrentUser me, IHttpContextAccessor http, TimeProvider time) : IAuditLog
{
    public async Task RecordAsync(SecurityEventType type, AuditSubject subject, string? detail = null, CancellationToken cancellationToken = default)
    {
        var entry = Entry(type, subject, detail);
        db.SecurityEvents.Add(entry);
        await db.SaveChangesAsync(cancellationToken);

        // Nothing else may touch the entry once written (the context refuses changes to it anyway).
        db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    public void Add(SecurityEventType type, AuditSubject subject, string? detail = null) => db.SecurityEvents.Add(Entry(type, subject, detail));

    private SecurityEvent Entry(SecurityEventType type, AuditSubject subject, string? detail)
    {
        var actorIsSubject = me.Id is null || me.Id == subject.UserId;
        return new SecurityEvent
        {
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Type = type,
            UserId = subject.UserId,
            UserName = Truncate(subject.UserName, 100) ?? "",
            ActorId = actorIsSubject ? null : me.Id,
            ActorName = actorIsSubject ? null : Truncate(me.Name, 100),
            IpAddress = Truncate(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), 45),
            Detail = detail is null ? null : Truncate(PersonalData.MaskText(detail), 500),
        };
    }

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
