using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Turns the case changes of a save into notifications, written in the same transaction (a transactional outbox):
/// new history rows for the applicant, and the yellow (<see cref="Case.StepWarned"/>) and red (overdue) marks for the
/// staff holding the step. Exactly once follows from the changes themselves being saved once — each is guarded by the
/// case's concurrency token — and the unique dedupe key is the second line of defence.
/// </summary>
public sealed class NotificationInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            await PlanAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db)
        {
            PlanAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async Task PlanAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        var planned = new List<(Case Case, NotificationPlanner.Planned Message)>();
        var staffAlerts = new List<(Case Case, bool Overdue)>();
        foreach (var entry in db.ChangeTracker.Entries<CaseEvent>().Where(e => e.State == EntityState.Added).ToList())
        {
            var e = entry.Entity;
            var c = e.Case;
            if (c is null)
            {
                continue;
            }

            if (NotificationPlanner.ForApplicant(c, e) is { } message)
            {
                planned.Add((c, message));
            }

            if (e.Action == Case.OverdueAction)
            {
                staffAlerts.Add((c, true));
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Modified).ToList())
        {
            var warned = entry.Property(c => c.StepWarned);
            if (warned.IsModified && entry.Entity.StepWarned && !(bool)warned.OriginalValue!)
            {
                staffAlerts.Add((entry.Entity, false));
            }
        }

        if (staffAlerts.Count > 0)
        {
            var holders = staffAlerts.Select(a => a.Case.HolderRole).Where(r => r != Roles.Applicant && r.Length > 0).Distinct().ToList();
            var members = await (
                    from ur in db.Set<IdentityUserRole<string>>()
                    join r in db.Roles on ur.RoleId equals r.Id
                    where holders.Contains(r.Name!)
                    select new { r.Name, ur.UserId })
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            foreach (var (c, overdue) in staffAlerts)
            {
                // The staff of the holding role, and the case's owner (首问负责).
                var ids = members.Where(m => m.Name == c.HolderRole).Select(m => m.UserId).ToList();
                if (c.OwnerId is { } owner)
                {
                    ids.Add(owner);
                }

                planned.AddRange(NotificationPlanner.ForStaff(c, overdue, ids).Select(m => (c, m)));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (c, m) in planned.DistinctBy(p => p.Message.DedupeKey))
        {
            db.Notifications.Add(Notification.Create(m.RecipientId, m.Kind, c.Number, m.Title, m.Body, $"/Cases/{c.Number}", now, m.DedupeKey));
        }
    }
}
