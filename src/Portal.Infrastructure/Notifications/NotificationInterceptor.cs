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
/// new history rows for the applicant, and the overdue (red) mark for the staff holding the step. Exactly once follows
/// from the changes themselves being saved once — each is guarded by the case's concurrency token — and the unique
/// dedupe key is the second line of defence. The yellow mark is written by the sweep (<see cref="AddStaffAlertsAsync"/>).
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
        var deadlineChanges = new List<(Case Case, CaseEvent Event)>();
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

            if (e.Action == Case.DeadlineChangedAction)
            {
                deadlineChanges.Add((c, e));
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        await AddStaffAlertsAsync(db, staffAlerts, now, cancellationToken);
        await AddDeadlineChangesAsync(db, deadlineChanges, now, cancellationToken);
        foreach (var (c, m) in planned.DistinctBy(p => p.Message.DedupeKey))
        {
            db.Notifications.Add(Notification.Create(m.RecipientId, m.Kind, c.Number, m.Title, m.Body, $"/Cases/{c.Number}", now, m.DedupeKey));
        }
    }

    /// <summary>
    /// Adds the yellow / red messages for the staff of each case's holding role and its owner (首问负责) to the context;
    /// the caller saves them in the transaction that marked the case.
    /// </summary>
    public static async Task AddStaffAlertsAsync(PortalDbContext db, IReadOnlyCollection<(Case Case, bool Overdue)> alerts, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return;
        }

        var holders = alerts.Select(a => a.Case.HolderRole).Where(r => r != Roles.Applicant && r.Length > 0).Distinct().ToList();
        var members = await MembersAsync(db, holders, cancellationToken);
        foreach (var (c, overdue) in alerts)
        {
            var ids = members.Where(m => m.Role == c.HolderRole).Select(m => m.UserId).ToList();
            if (c.OwnerId is { } owner)
            {
                ids.Add(owner);
            }

            foreach (var m in NotificationPlanner.ForStaff(c, overdue, ids))
            {
                db.Notifications.Add(Notification.Create(m.RecipientId, m.Kind, c.Number, m.Title, m.Body, $"/Cases/{c.Number}", nowUtc, m.DedupeKey));
            }
        }
    }

    /// <summary>A deadline moved by a holiday change: the staff of the holding role and the case's owner (首问负责) hear of it.</summary>
    private static async Task AddDeadlineChangesAsync(PortalDbContext db, IReadOnlyCollection<(Case Case, CaseEvent Event)> changes, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var holders = changes.Select(a => a.Case.HolderRole).Where(r => r != Roles.Applicant && r.Length > 0).Distinct().ToList();
        var members = await MembersAsync(db, holders, cancellationToken);
        foreach (var (c, e) in changes)
        {
            var ids = members.Where(m => m.Role == c.HolderRole).Select(m => m.UserId).ToList();
            if (c.OwnerId is { } owner)
            {
                ids.Add(owner);
            }

            foreach (var m in NotificationPlanner.ForStaffDeadlineChange(c, e, ids.Where(id => id != c.ApplicantId)))
            {
                db.Notifications.Add(Notification.Create(m.RecipientId, m.Kind, c.Number, m.Title, m.Body, $"/Cases/{c.Number}", nowUtc, m.DedupeKey));
            }
        }
    }

    /// <summary>The people holding each of the given roles.</summary>
    public static async Task<IReadOnlyList<(string Role, string UserId)>> MembersAsync(PortalDbContext db, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var rows = await (
                from ur in db.Set<IdentityUserRole<string>>()
                join r in db.Roles on ur.RoleId equals r.Id
                where roles.Contains(r.Name!)
                select new { r.Name, ur.UserId })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Name!, r.UserId)).ToList();
    }
}
