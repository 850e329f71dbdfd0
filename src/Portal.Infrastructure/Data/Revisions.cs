using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Revision stamps of cached reference data (the calendar, the promise table). An edit writes a new stamp in
/// the same transaction as the change; readers compare the committed stamp with the one their cache was built
/// from. So a cache is never kept stale — not in the instance that made the edit (whatever the timing of the
/// commit), nor in another portal instance on the same database.
/// </summary>
public static class Revisions
{
    public const string Calendar = "calendar.revision";
    public const string Promises = "profile.revision";

    public static async Task BumpAsync(PortalDbContext db, string key, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString("N");
        var updated = await db.Settings.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, stamp), cancellationToken);
        if (updated == 0)
        {
            db.Settings.Add(new PortalSetting { Key = key, Value = stamp });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public static Task<string?> ReadAsync(PortalDbContext db, string key, CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
}
