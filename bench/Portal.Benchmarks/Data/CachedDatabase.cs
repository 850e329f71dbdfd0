using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Benchmarks.Data;

/// <summary>A ready data set: its SQLite file and how long it took to build (when it was built, maybe by an earlier run).</summary>
public sealed record DataSet(string Path, TimeSpan BuildTime, bool Reused)
{
    public string Connection => CachedDatabase.ConnectionString(Path);

    public string Describe() =>
        $"{(Reused ? "reused" : "built")} ({new FileInfo(Path).Length / 1024.0 / 1024.0:F0} MB; building it took {BuildTime.TotalSeconds:F1} s)";
}

/// <summary>
/// SQLite files that take a while to fill are built once and kept in <see cref="Folder"/>. Each file carries a stamp
/// (a <c>Settings</c> row) naming what it holds; a file whose stamp differs, or whose schema lacks a migration of the
/// portal, is rebuilt. Files are built under a temporary name and renamed when complete, so an interrupted build is
/// never mistaken for a finished one.
/// </summary>
public static class CachedDatabase
{
    private const string StampKey = "bench.dataset";
    private const string BuildSecondsKey = "bench.build-seconds";

    /// <summary>PORTAL_BENCH_DATA (scripts/bench.sh points it into bench/Portal.Benchmarks/bin), else a folder under the temp directory.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("PORTAL_BENCH_DATA") is { Length: > 0 } folder
            ? folder
            : System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-bench");

    /// <summary>The portal's own connection string shape (no pragmas), so the benchmarks see what the portal sees.</summary>
    public static string ConnectionString(string path) => $"Data Source={path}";

    public static PortalDbContext Open(string path) => new SqlitePortalDbContext(Options(ConnectionString(path)));

    /// <summary>Context options as the portal builds them (UsePortalDatabase), without the notification interceptor.</summary>
    public static DbContextOptions<SqlitePortalDbContext> Options(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        builder.UsePortalDatabase(DatabaseSetup.Sqlite, connectionString);
        return builder.Options;
    }

    /// <summary>Returns the file named <paramref name="fileName"/>, building it with <paramref name="build"/> unless a complete one with this stamp exists.</summary>
    /// <param name="build">Fills a freshly migrated file, given its path.</param>
    public static async Task<DataSet> EnsureAsync(string fileName, string stamp, Func<string, Task> build, TextWriter log)
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, fileName);
        if (File.Exists(path) && await ReadStampAsync(path) is { } found && found.Stamp == stamp)
        {
            return new DataSet(path, found.BuildTime, Reused: true);
        }

        log.WriteLine($"  building {fileName} ({stamp}) ...");
        Delete(path);
        var building = path + ".building";
        Delete(building);
        var watch = Stopwatch.StartNew();
        await using (var db = Open(building))
        {
            await DatabaseSetup.MigrateAsync(db);
        }

        await build(building);
        await using (var db = Open(building))
        {
            db.Settings.Add(new PortalSetting { Key = StampKey, Value = stamp });
            db.Settings.Add(new PortalSetting { Key = BuildSecondsKey, Value = watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        Delete(building);
        return new DataSet(path, watch.Elapsed, Reused: false);
    }

    private static async Task<(string Stamp, TimeSpan BuildTime)?> ReadStampAsync(string path)
    {
        try
        {
            await using var db = Open(path);
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                return null;
            }

            var settings = await db.Settings.AsNoTracking()
                .Where(s => s.Key == StampKey || s.Key == BuildSecondsKey)
                .ToDictionaryAsync(s => s.Key, s => s.Value);
            return settings.TryGetValue(StampKey, out var stamp)
                ? (stamp, TimeSpan.FromSeconds(double.Parse(settings.GetValueOrDefault(BuildSecondsKey, "0"), CultureInfo.InvariantCulture)))
                : null;
        }
        catch (SqliteException)
        {
            return null;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
