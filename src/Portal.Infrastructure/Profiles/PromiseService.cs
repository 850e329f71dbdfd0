using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Workflow;

namespace Portal.Infrastructure.Profiles;

/// <summary>The active profile's promise table as services read it.</summary>
public sealed class PromiseTable(string profileCode, string profileName, IReadOnlyList<PromiseLimit> rows)
{
    private readonly Dictionary<string, PromiseLimit> byKey = rows.ToDictionary(r => r.Key);

    public string ProfileCode { get; } = profileCode;

    public string ProfileName { get; } = profileName;

    public IReadOnlyList<PromiseLimit> Rows { get; } = rows;

    public TimeLimit? Limit(string key) => byKey.TryGetValue(key, out var row) ? row.Limit : null;

    public PromiseLimit? Row(string key) => byKey.GetValueOrDefault(key);
}

/// <summary>
/// Reads the active profile and its (administrator-edited) limits. Cached per <see cref="Revisions.Promises"/>
/// stamp, like <see cref="Calendar.CalendarService"/>.
/// </summary>
public sealed class PromiseService(IServiceScopeFactory scopes)
{
    public const string ActiveProfileSetting = "profile.active";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Cached? cached;

    public async Task<PromiseTable> GetAsync(CancellationToken cancellationToken = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
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
            var rows = await db.PromiseLimits.AsNoTracking().Where(p => p.ProfileCode == code).OrderBy(p => p.Id).ToListAsync(cancellationToken);
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
