using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Profiles;

/// <summary>
/// Reads the active profile and its (administrator-edited) limits. Cached per <see cref="Revisions.Promises"/>
/// stamp, like <see cref="Calendar.CalendarService"/>.
/// </summary>
public sealed class PromiseService(IServiceScopeFactory scopes)
{
    public const string ActiveProfileSetting = "profile.active";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Cached? cached;

    public Task<PromiseTable> GetAsync(CancellationToken cancellationToken = default) => GetAsync(null, cancellationToken);

    /// <summary>The table, reading the stamp through the caller's context when it has one (as <see cref="Calendar.CalendarService.GetClockAsync(PortalDbContext?, CancellationToken)"/>).</summary>
    public async Task<PromiseTable> GetAsync(PortalDbContext? through, CancellationToken cancellationToken = default)
    {
        through ??= RequestContext.Db;
        using var scope = through is null ? scopes.CreateScope() : null;
        var db = through ?? scope!.ServiceProvider.GetRequiredService<PortalDbContext>();
        var revision = await Revisions.ReadAsync(db, Revisions.Promises, cancellationToken) ?? "";
        if (cached is { } hit && hit.Revision == revision)
        {
            return hit.Table;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && again.Revision == revision)
            {
                return again.Table;
            }

            var code = await db.Settings.AsNoTracking().Where(s => s.Key == ActiveProfileSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
                ?? PolicyProfiles.Default.Code;
            var rows = await db.PromiseLimits.AsNoTracking().Where(p => p.ProfileCode == code).ToListAsync(cancellationToken);
            var table = new PromiseTable(code, PolicyProfiles.Find(code)?.Name ?? code, rows);
            cached = new Cached(revision, table);
            return table;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record Cached(string Revision, PromiseTable Table);
}
