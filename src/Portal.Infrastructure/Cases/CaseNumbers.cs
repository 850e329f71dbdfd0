using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Cases;

/// <summary>
/// Issues human-readable case numbers like QYKB-20261122-000007. The counter row is incremented with one
/// UPDATE inside the caller's transaction, so two submissions never get the same number on either provider.
/// </summary>
public static class CaseNumbers
{
    public static async Task<string> NextAsync(PortalDbContext db, string prefix, DateOnly localDate, CancellationToken cancellationToken)
    {
        var next = await NextValueAsync(db, prefix, cancellationToken);
        return Format(prefix, localDate, next);
    }

    /// <summary>The number for a counter value taken on a local date.</summary>
    public static string Format(string prefix, DateOnly localDate, long value) => $"{prefix}-{localDate:yyyyMMdd}-{value:D6}";

    /// <summary>The next value of a counter, taken with one UPDATE inside the caller's transaction.</summary>
    public static async Task<long> NextValueAsync(PortalDbContext db, string key, CancellationToken cancellationToken)
    {
        var updated = await db.NumberSequences
            .Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Next, x => x.Next + 1), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Number sequence '{key}' is missing; reference data seeding registers it.");
        }

        return await db.NumberSequences.AsNoTracking().Where(s => s.Key == key).Select(s => s.Next).SingleAsync(cancellationToken);
    }
}
