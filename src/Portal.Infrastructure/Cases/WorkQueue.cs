using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Cases;

/// <summary>
/// Keeps the work queue (<see cref="WorkItem"/>) exact. It runs in every save of the portal's context, before the
/// rows are written, and derives the queue rows of each case the save touches from what the case and its tracks will
/// be once saved: every transition, deadline recomputation (calendar changes), overdue mark, hand-over, 补正 pause and
/// track move goes through a save of the case or its track, so none of them writes queue rows itself. The rows are
/// written by the same SaveChanges, in its transaction.
/// <para>Two saves touching one case at once (a case transition and a track transition of another department) are
/// serialised on the case row (<see cref="RowLocks"/>, inside the command's transaction) before the stored tracks and
/// rows are read, so the second derives its rows from what the first committed.</para>
/// </summary>
public static class WorkQueue
{
    /// <summary>The track states in which the track's department has the case in its 待办 list.</summary>
    public static readonly SubItemState[] WorkingTrackStates = [SubItemState.Waiting, SubItemState.InProgress];

    /// <summary>The case columns a queue row copies; a change of any other column leaves the rows as they are.</summary>
    private static readonly string[] Copied =
    [
        nameof(Case.HolderRole), nameof(Case.StepDueAt), nameof(Case.StepWarnAt), nameof(Case.PausedAt),
        nameof(Case.ServiceCode), nameof(Case.State), nameof(Case.OwnerId),
    ];

    /// <summary>The roles whose 待办 list shows the case: the holder of its step (staff only) and of its working tracks.</summary>
    public static HashSet<string> HoldersOf(Case c, IEnumerable<(string Holder, SubItemState State)> tracks)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        if (IsStaffHolder(c.HolderRole))
        {
            holders.Add(c.HolderRole);
        }

        foreach (var (holder, state) in tracks)
        {
            if (IsStaffHolder(holder) && WorkingTrackStates.Contains(state))
            {
                holders.Add(holder);
            }
        }

        return holders;
    }

    private static bool IsStaffHolder(string role) => role.Length > 0 && role != Roles.Applicant;

    public static async Task MaintainAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        // One pass over the tracked entities, as the save detected them (PortalDbContext.DetectOnce); a save without cases
        // or tracks costs only that pass.
        var entries = db.ChangeTracker.Entries().Where(e => e.Entity is Case or SubItem && e.State is not EntityState.Unchanged and not EntityState.Detached).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var added = new List<Case>();
        var changed = new Dictionary<long, Case?>();
        foreach (var entry in entries.Where(e => e.Entity is Case))
        {
            if (entry.State == EntityState.Added)
            {
                added.Add((Case)entry.Entity);
            }
            else if (entry.State == EntityState.Modified && Copied.Any(p => entry.Property(p).IsModified))
            {
                changed[((Case)entry.Entity).Id] = (Case)entry.Entity;
            }
        }

        var trackChanges = new List<(long CaseId, long Id, EntityState State, string Holder, SubItemState TrackState)>();
        foreach (var entry in entries.Where(e => e.Entity is SubItem))
        {
            var item = (SubItem)entry.Entity;
            var caseEntry = item.Case is { } owner ? db.Entry(owner) : null;
            if (caseEntry?.State == EntityState.Added)
            {
                continue; // a new case's tracks are read from the case below
            }

            var caseId = item.Case?.Id ?? item.CaseId;
            trackChanges.Add((caseId, item.Id, entry.State, item.HolderRole, item.State));
            changed.TryAdd(caseId, null);
        }

        foreach (var c in added)
        {
            foreach (var holder in HoldersOf(c, c.SubItems.Select(s => (s.HolderRole, s.State))))
            {
                var row = new WorkItem { Case = c, Holder = holder };
                row.CopyFrom(c);
                db.WorkItems.Add(row);
            }
        }

        if (changed.Count == 0)
        {
            return;
        }

        var ids = changed.Keys.Order().ToList();
        if (db.Database.CurrentTransaction is not null)
        {
            foreach (var id in ids)
            {
                await RowLocks.LockCaseAsync(db, id, cancellationToken);
            }
        }

        // A case the save does not change (only its track moved) is read as stored now, after the lock.
        var unchanged = changed.Where(c => c.Value is null).Select(c => c.Key).ToList();
        if (unchanged.Count > 0)
        {
            foreach (var stored in await db.Cases.AsNoTracking().Where(c => unchanged.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                changed[stored.Id] = stored;
            }
        }

        var working = WorkingTrackStates.ToList();
        var storedTracks = await db.SubItems.AsNoTracking()
            .Where(s => ids.Contains(s.CaseId) && working.Contains(s.State))
            .Select(s => new { s.Id, s.CaseId, s.HolderRole, s.State })
            .ToListAsync(cancellationToken);
        var rows = await db.WorkItems.Where(w => ids.Contains(w.CaseId)).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var rowsOfCase = rows.Where(r => r.CaseId == id).ToList();
            if (changed[id] is not { } c)
            {
                db.WorkItems.RemoveRange(rowsOfCase); // the case is gone
                continue;
            }

            var mine = trackChanges.Where(t => t.CaseId == id).ToList();
            var tracks = storedTracks
                .Where(s => s.CaseId == id && !mine.Any(t => t.Id == s.Id))
                .Select(s => (s.HolderRole, s.State))
                .Concat(mine.Where(t => t.State != EntityState.Deleted).Select(t => (t.Holder, t.TrackState)));
            var holders = HoldersOf(c, tracks);
            foreach (var row in rowsOfCase)
            {
                if (!holders.Remove(row.Holder))
                {
                    db.WorkItems.Remove(row);
                }
                else if (!row.Matches(c))
                {
                    row.CopyFrom(c);

                    // The save detected its changes once before this ran (PortalDbContext.DetectOnce): a row changed here says so itself.
                    db.Entry(row).DetectChanges();
                }
            }

            foreach (var holder in holders)
            {
                var row = new WorkItem { CaseId = id, Holder = holder };
                row.CopyFrom(c);
                db.WorkItems.Add(row);
            }
        }
    }
}
