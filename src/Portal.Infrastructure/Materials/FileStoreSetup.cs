using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

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

public static class FileStoreSetup
{
    /// <summary>The file store chosen by the database provider, and the sweep of orphans.</summary>
    public static IServiceCollection AddPortalFileStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MaterialStoreOptions>(configuration.GetSection("Materials"));
        services.AddScoped<IFileStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MaterialStoreOptions>>().Value;
            var db = sp.GetRequiredService<PortalDbContext>();
            var time = sp.GetRequiredService<TimeProvider>();
            var store = options.Store ?? (ProviderSql.Of(db.Database) == DatabaseSetup.Sqlite ? MaterialStoreOptions.Disk : MaterialStoreOptions.Database);
            return string.Equals(store, MaterialStoreOptions.Disk, StringComparison.OrdinalIgnoreCase)
                ? new DiskFileStore(options.Root ?? DefaultRoot(db), time, sp.GetRequiredService<ILogger<DiskFileStore>>())
                : new DatabaseFileStore(db, time, sp.GetRequiredService<ILogger<DatabaseFileStore>>());
        });
        services.AddSingleton<MaterialSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MaterialSweeper>());
        return services;
    }

    /// <summary>Beside the SQLite file: <c>…/portal.db</c> → <c>…/portal-files</c>; for a server database, under the app's folder.</summary>
    public static string DefaultRoot(PortalDbContext db)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                var full = Path.GetFullPath(file);
                return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-files");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "data", "files");
    }
}
