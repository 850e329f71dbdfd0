using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Revision stamps of cached reference data (the calendar, the promise table). An edit writes a new stamp in
/// the same transaction as the change; readers compare the committed stamp with the one their cache was built
/// from. So a cache is never kept stale — not in the instance that made the edit (whatever the timing of the
/// commit), nor in another portal instance on the same database. A context reads each stamp once
/// (<see cref="PortalDbContext.RevisionsSeen"/>): one request sees one revision of each, and an edit made through the
/// context is seen by it at once.
/// </summary>
public static class Revisions
{
    public const string Calendar = "calendar.revision";
    public const string Promises = "profile.revision";

    public static async Task BumpAsync(PortalDbContext db, string key, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString("N");
        db.RevisionsSeen.Remove(key);
        var updated = await db.Settings.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, stamp), cancellationToken);
        if (updated == 0)
        {
            db.Settings.Add(new PortalSetting { Key = key, Value = stamp });
            await db.SaveChangesAsync(cancellationToken);
        }

        // Rolled back, the stamp names an edit nobody else reads: what this context caches under it is rebuilt by the
        // next reader of the committed stamp.
        db.RevisionsSeen[key] = stamp;
    }

    public static async Task<string?> ReadAsync(PortalDbContext db, string key, CancellationToken cancellationToken)
    {
        if (db.RevisionsSeen.TryGetValue(key, out var seen))
        {
            return seen;
        }

        var stamp = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        db.RevisionsSeen[key] = stamp;
        return stamp;
    }
}
