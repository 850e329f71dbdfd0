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

/// <summary>Reads the active profile and its (administrator-edited) limits; cached until <see cref="Invalidate"/>.</summary>
public sealed class PromiseService(IServiceScopeFactory scopes)
{
    public const string ActiveProfileSetting = "profile.active";

    private volatile PromiseTable? table;

    public async Task<PromiseTable> GetAsync(CancellationToken cancellationToken = default)
    {
        if (table is { } cached)
        {
            return cached;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var code = await db.Settings.AsNoTracking().Where(s => s.Key == ActiveProfileSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
            ?? PolicyProfiles.Default.Code;
        var rows = await db.PromiseLimits.AsNoTracking().Where(p => p.ProfileCode == code).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var name = PolicyProfiles.Find(code)?.Name ?? code;
        table = new PromiseTable(code, name, rows);
        return table;
    }

    public void Invalidate() => table = null;
}
