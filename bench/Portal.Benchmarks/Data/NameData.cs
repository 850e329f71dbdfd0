using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;

namespace Portal.Benchmarks.Data;

/// <summary>
/// The 名称自主申报 data set: a migrated portal database holding <see cref="Count"/> name reservations, as the
/// establishment service writes them (key = <see cref="EnterpriseNames.Normalize"/> of the name).
/// </summary>
public static class NameData
{
    public const int Count = 100_000;

    private const int BatchSize = 5_000;

    public static Task<DataSet> EnsureAsync(TextWriter log) =>
        CachedDatabase.EnsureAsync("names-100k.db", $"names v1; count={Count}", BuildAsync, log);

    /// <summary>EF inserts in batches with change detection off and the tracker cleared between batches.</summary>
    private static async Task BuildAsync(string path)
    {
        var reservedAt = new DateTime(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc);
        var names = ChineseNames.Generate(Count);
        for (var offset = 0; offset < names.Count; offset += BatchSize)
        {
            await using var db = CachedDatabase.Open(path);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.NameReservations.AddRange(names.Skip(offset).Take(BatchSize).Select((n, i) => new NameReservation
            {
                Name = n.Name,
                NormalizedName = n.Normalized,
                // Most names belong to registered enterprises; every tenth is held by a pending application.
                ApplicationId = (offset + i) % 10 == 0 ? offset + i + 1 : null,
                ReservedAt = reservedAt.AddMinutes(-(offset + i)),
            }));
            await db.SaveChangesAsync();
        }

        await using var check = CachedDatabase.Open(path);
        var stored = await check.NameReservations.CountAsync();
        if (stored != Count)
        {
            throw new InvalidOperationException($"Expected {Count} name reservations, found {stored}.");
        }
    }
}
