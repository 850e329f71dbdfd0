using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Materials;

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
