using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Data;

/// <summary>Chooses the database provider from configuration and brings the schema up to date.</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";
    public const string SqlServer = "SqlServer";

    /// <summary>Configures the options for "Sqlite" (default), "PostgreSQL" or "SqlServer".</summary>
    public static DbContextOptionsBuilder UsePortalDatabase(this DbContextOptionsBuilder options, string? provider, string connectionString)
    {
        switch (Normalize(provider))
        {
            case Sqlite:
                options.UseSqlite(connectionString);
                break;
            case PostgreSql:
                options.UseNpgsql(connectionString);
                break;
            case SqlServer:
                options.UseSqlServer(connectionString);
                break;
        }

        // No warning is switched off: a model change that no migration carries stops Migrate() with
        // PendingModelChangesWarning, and MigrationTests fail on it first.
        return options;
    }

    public static string Normalize(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => Sqlite,
        "postgresql" or "postgres" or "npgsql" => PostgreSql,
        "sqlserver" or "mssql" => SqlServer,
        _ => throw new InvalidOperationException($"未知的数据库类型“{provider}”：请使用 Sqlite、PostgreSQL 或 SqlServer。"),
    };

    /// <summary>The context type (and so the migration set) of a provider.</summary>
    public static Type ContextType(string? provider) => Normalize(provider) switch
    {
        Sqlite => typeof(SqlitePortalDbContext),
        PostgreSql => typeof(PostgreSqlPortalDbContext),
        _ => typeof(SqlServerPortalDbContext),
    };

    /// <summary>A context of the provider's type, outside dependency injection (tools, tests, benchmarks).</summary>
    public static PortalDbContext CreateContext(string? provider, string connectionString, Action<DbContextOptionsBuilder>? configure = null)
    {
        var type = ContextType(provider);
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
        options.UsePortalDatabase(provider, connectionString);
        configure?.Invoke(options);
        return (PortalDbContext)Activator.CreateInstance(type, options.Options)!;
    }

    /// <summary>
    /// Registers the three providers' contexts and <see cref="PortalDbContext"/> as the one the settings name. The
    /// settings are read each time a context is made, so hosts (tests, tools) can change them late.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(
        this IServiceCollection services,
        Func<IServiceProvider, DatabaseSettings> settings,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
    {
        Add<SqlitePortalDbContext>(Sqlite);
        Add<PostgreSqlPortalDbContext>(PostgreSql);
        Add<SqlServerPortalDbContext>(SqlServer);
        services.AddScoped(sp => (PortalDbContext)sp.GetRequiredService(ContextType(settings(sp).Provider)));
        return services;

        void Add<TContext>(string provider)
            where TContext : PortalDbContext =>
            services.AddDbContext<TContext>((sp, options) =>
            {
                options.UsePortalDatabase(provider, settings(sp).ConnectionString);
                configure?.Invoke(sp, options);
            });
    }

    /// <summary>Makes a relative SQLite file path absolute under the given folder.</summary>
    public static string AnchorSqlitePath(string connectionString, string folder)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(folder, builder.DataSource);
        }

        return builder.ToString();
    }

    /// <summary>For SQLite: makes sure the data folder exists so that a fresh machine can start with no setup.</summary>
    public static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>Applies the migrations; on SQLite switches the file to WAL so readers never block the writer.</summary>
    public static async Task MigrateAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            PrepareSqliteFile(db.Database.GetConnectionString()!);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        await LegacyHistory.AdoptAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
