namespace Portal.Infrastructure.Materials;

/// <summary>Where uploaded files are kept (<c>Materials:*</c>) and how often orphans are swept.</summary>
public sealed class MaterialStoreOptions
{
    public const string Disk = "Disk";
    public const string Database = "Database";

    /// <summary>"Disk" or "Database"; unset: the disk with SQLite, the database with PostgreSQL and SQL Server.</summary>
    public string? Store { get; set; }

    /// <summary>The disk store's folder; unset: beside the SQLite file (<c>data/portal.db</c> → <c>data/portal-files/</c>).</summary>
    public string? Root { get; set; }

    public bool SweepEnabled { get; set; } = true;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A blob no row references is removed once it is this old (an upload's row follows its blob within seconds).</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Files staged on a form that was never submitted are removed after this long.</summary>
    public TimeSpan StagedAge { get; set; } = TimeSpan.FromDays(7);
}
