using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Workflow;

namespace Portal.Infrastructure.Profiles;

/// <summary>
/// The active profile's promise table as services read it: the stored (administrator-edited) limits, in the shipped
/// order, with what the shipped profile says about each (whole process, lead time, borrowed from another place).
/// </summary>
public sealed class PromiseTable
{
    private readonly Dictionary<string, PromiseLimit> byKey;

    public PromiseTable(string profileCode, string profileName, IReadOnlyList<PromiseLimit> rows)
    {
        ProfileCode = profileCode;
        ProfileName = profileName;
        Profile = PolicyProfiles.Find(profileCode);
        var order = Profile?.Promises.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i) ?? [];
        Rows = Profile is null ? rows : rows.Where(r => order.ContainsKey(r.Key)).OrderBy(r => order[r.Key]).ToList();
        byKey = Rows.ToDictionary(r => r.Key);
    }

    public string ProfileCode { get; }

    public string ProfileName { get; }

    /// <summary>The shipped profile of this table (null for a code no version ships).</summary>
    public PolicyProfile? Profile { get; }

    public IReadOnlyList<PromiseLimit> Rows { get; }

    public TimeLimit? Limit(string key) => byKey.TryGetValue(key, out var row) ? row.Limit : null;

    public PromiseLimit? Row(string key) => byKey.GetValueOrDefault(key);

    /// <summary>The shipped default of a key in this profile.</summary>
    public PromiseDefinition? Shipped(string key) => Profile?.Find(key);

    /// <summary>Whether the key's promise covers the whole process from submission (全流程; 受理 is inside it).</summary>
    public bool WholeProcess(string key) => Shipped(key)?.WholeProcess == true && byKey.ContainsKey(key);

    /// <summary>Whether the key's promise is a lead time before something starts (提前N日), not a deadline.</summary>
    public bool LeadTime(string key) => Shipped(key)?.LeadTime == true;

    /// <summary>"借用…（004:123）…" when the source is another place's document, otherwise null.</summary>
    public string? Borrowed(string? source) => Profile is { } p && source is not null ? p.Borrowed(source) : null;

    /// <summary>
    /// Where a row's number comes from, as shown to people: the source line (marked when borrowed from another place),
    /// or — when an administrator set a limit other than the shipped default — "管理员设定" with the default and its source.
    /// </summary>
    public string Cite(PromiseLimit row)
    {
        if (row.EditedByAdministrator && Shipped(row.Key) is { } shipped && shipped.Limit != row.Limit)
        {
            return $"管理员设定（默认{shipped.Limit}，{shipped.Source}）";
        }

        return Borrowed(row.Source) is { } borrowed ? $"{row.Source}（{borrowed}）" : row.Source;
    }

    /// <summary><see cref="Cite(PromiseLimit)"/> by key ("—" when the profile has no such row).</summary>
    public string Cite(string key) => Row(key) is { } row ? Cite(row) : "—";
}
