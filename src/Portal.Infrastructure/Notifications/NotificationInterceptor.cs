using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Turns the case changes of a save into notifications, written in the same transaction (a transactional outbox):
/// new history rows for the applicant, and the overdue (red) mark for the inbox of the role holding the step (and its owner). Exactly once follows
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
        // A save of the portal's context has scanned the tracked entities once at its start (PortalDbContext.SaveChangesAsync).
        if (!db.ChangesDetectedForSave)
        {
            db.ChangeTracker.DetectChanges();
        }

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
    /// Adds the yellow / red messages to the context: one to the holding role's inbox (seen by all its members), and one
    /// to the case's owner (首问负责) when the owner is not in that role. The caller saves them in the transaction that
    /// marked the case. The cost no longer grows with the number of staff in the role.
    /// </summary>
    public static Task AddStaffAlertsAsync(PortalDbContext db, IReadOnlyCollection<(Case Case, bool Overdue)> alerts, DateTime nowUtc, CancellationToken cancellationToken) =>
        AddForHoldersAsync(db, alerts, NotificationPlanner.ForRole, (c, overdue, owner) => NotificationPlanner.ForStaff(c, overdue, [owner]), ownerMayBeApplicant: true, nowUtc, cancellationToken);

    /// <summary>A deadline moved by a holiday change: the holding role's inbox and the case's owner (首问负责) hear of it.</summary>
    private static Task AddDeadlineChangesAsync(PortalDbContext db, IReadOnlyCollection<(Case Case, CaseEvent Event)> changes, DateTime nowUtc, CancellationToken cancellationToken) =>
        AddForHoldersAsync(db, changes, NotificationPlanner.ForRoleDeadlineChange, (c, e, owner) => NotificationPlanner.ForStaffDeadlineChange(c, e, [owner]), ownerMayBeApplicant: false, nowUtc, cancellationToken);

    /// <summary>
    /// One message per case to its holding role's inbox, and one to its owner (首问负责) unless the owner holds that role
    /// (or, when <paramref name="ownerMayBeApplicant"/> is false, is the case's applicant, who hears of it as applicant).
    /// </summary>
    private static async Task AddForHoldersAsync<T>(
        PortalDbContext db,
        IReadOnlyCollection<(Case Case, T What)> items,
        Func<Case, T, string, NotificationPlanner.Planned> forRole,
        Func<Case, T, string, IEnumerable<NotificationPlanner.Planned>> forOwner,
        bool ownerMayBeApplicant,
        DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var ownersInRole = await OwnersInHolderRoleAsync(db, items.Select(a => a.Case).ToList(), cancellationToken);
        foreach (var (c, what) in items)
        {
            var planned = new List<NotificationPlanner.Planned>();
            if (NotificationPlanner.IsStaffInbox(c.HolderRole))
            {
                planned.Add(forRole(c, what, c.HolderRole));
            }

            if (c.OwnerId is { } owner && (ownerMayBeApplicant || owner != c.ApplicantId) && !ownersInRole.Contains((owner, c.HolderRole)))
            {
                planned.AddRange(forOwner(c, what, owner));
            }

            foreach (var m in planned)
            {
                db.Notifications.Add(m.ToNotification(c.Number, $"/Cases/{c.Number}", nowUtc));
            }
        }
    }

    /// <summary>Which of the cases' owners hold their case's holder role (they read the role's message; no second one).</summary>
    private static async Task<HashSet<(string UserId, string Role)>> OwnersInHolderRoleAsync(PortalDbContext db, IReadOnlyCollection<Case> cases, CancellationToken cancellationToken)
    {
        var owners = cases.Where(c => c.OwnerId is not null && NotificationPlanner.IsStaffInbox(c.HolderRole)).Select(c => c.OwnerId!).Distinct().ToList();
        if (owners.Count == 0)
        {
            return [];
        }

        var roles = cases.Select(c => c.HolderRole).Distinct().ToList();
        var rows = await (
                from ur in db.Set<IdentityUserRole<string>>()
                join r in db.Roles on ur.RoleId equals r.Id
                where owners.Contains(ur.UserId) && roles.Contains(r.Name!)
                select new { ur.UserId, r.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.UserId, r.Name!)).ToHashSet();
    }
}
