using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Infrastructure.Data;

/// <summary>Chooses the database provider from configuration and brings the schema up to date.</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>Configures the context for "Sqlite" (default) or "PostgreSQL".</summary>
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
        }

        // The migrations are hand-written (the EF design-time package cannot be restored here), so there is no
        // model snapshot to compare with; MigrationSchemaTests prove the migrated schema equals the model instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }

    public static string Normalize(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => Sqlite,
        "postgresql" or "postgres" or "npgsql" => PostgreSql,
        _ => throw new InvalidOperationException($"未知的数据库类型“{provider}”：请使用 Sqlite 或 PostgreSQL。"),
    };

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

        await db.Database.MigrateAsync(cancellationToken);
    }
}
