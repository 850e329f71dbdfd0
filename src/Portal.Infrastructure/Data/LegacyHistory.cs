using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Databases made before December 2026 (a developer's <c>data/portal.db</c>, a city's PostgreSQL) were built by eight
/// hand-written, provider-neutral migrations (ADR 0001) and carry their ids in <c>__EFMigrationsHistory</c>. Each
/// provider's migration set now starts with a <c>Baseline</c> that creates that same schema. Such a database is
/// adopted: when its history ends with the last hand-written migration and its tables, columns and indexes are the
/// baseline's, the baseline is recorded as applied without running it, and the migrations after it run as usual.
/// </summary>
public static class LegacyHistory
{
    public const string BaselineName = "Baseline";

    /// <summary>The hand-written migrations' ids, in order (kept in tests/Portal.Web.Tests/Data/Legacy).</summary>
    public static readonly IReadOnlyList<string> Ids =
    [
        "20261122000000_Initial",
        "20261122010000_Establishment",
        "20261130000000_Deregistration",
        "20261130010000_Connections",
        "20261130020000_Hall",
        "20261130030000_AppointmentsNotifications",
        "20261130040000_Ratings",
        "20261130050000_EnterpriseCaseIndex",
    ];

    /// <summary>The id of the provider's baseline migration.</summary>
    public static string BaselineId(PortalDbContext db) =>
        db.GetService<IMigrationsAssembly>().Migrations.Keys.Single(id => id.EndsWith("_" + BaselineName, StringComparison.Ordinal));

    /// <summary>Records the baseline as applied on a database of the hand-written history; true when it did.</summary>
    public static async Task<bool> AdoptAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (!applied.Overlaps(Ids))
        {
            return false;
        }

        var baseline = BaselineId(db);
        if (applied.Contains(baseline))
        {
            return false;
        }

        var missing = Ids.Where(id => !applied.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"数据库的迁移历史缺少 {string.Join("、", missing)}：它是旧版门户建到一半的数据库。请先用 2026 年 12 月以前的版本启动一次，" +
                $"让它迁移到 {Ids[^1]}，再启动本版本。");
        }

        await CheckSchemaAsync(db, baseline, cancellationToken);
        var history = db.GetService<IHistoryRepository>();
        try
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
            return true;
        }
        catch (DbException)
        {
            if ((await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Contains(baseline))
            {
                return false; // another portal instance adopted the same database at the same moment
            }

            throw;
        }
    }

    /// <summary>Every table, column and index the baseline creates must be there (a hand-edited database is refused).</summary>
    private static async Task CheckSchemaAsync(PortalDbContext db, string baseline, CancellationToken cancellationToken)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var migration = assembly.CreateMigration(assembly.Migrations[baseline], db.Database.ProviderName!);
        var sql = db.GetService<ISqlGenerationHelper>();
        var problems = new List<string>();
        foreach (var table in migration.UpOperations.OfType<CreateTableOperation>())
        {
            // Selects every column of the table and reads no row: fails when the table or a column is missing. The names
            // come from the migration's code and are quoted by the provider.
            var probe = "SELECT " + string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))
                + " FROM " + sql.DelimitIdentifier(table.Name, table.Schema) + " WHERE 1 = 0";
            try
            {
                await db.Database.ExecuteSqlRawAsync(probe, cancellationToken);
            }
            catch (DbException ex)
            {
                problems.Add($"表 {table.Name}：{ex.Message}");
            }
        }

        var indexes = (await IndexNamesAsync(db, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(migration.UpOperations.OfType<CreateIndexOperation>()
            .Where(i => !indexes.Contains(i.Name))
            .Select(i => $"缺少索引 {i.Name}（表 {i.Table}）"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"数据库的迁移历史是旧版的（到 {Ids[^1]}），但结构与基线迁移 {baseline} 不一致，未接管：{string.Join("；", problems)}");
        }
    }

    private static Task<List<string>> IndexNamesAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<string>(ProviderSql.IndexNames(ProviderSql.Of(db.Database))).ToListAsync(cancellationToken);
}
