using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The portal's only hand-written SQL, in each provider's dialect. Everything else is LINQ (the counters, the sweep's
/// and the dispatcher's claims, the hall's calls are conditional UPDATEs through ExecuteUpdate), which EF Core writes
/// for each provider itself. The SQL Server forms are parsed by Microsoft's T-SQL parser in SqlServerScriptTests.
/// </summary>
public static class ProviderSql
{
    /// <summary>The normalized provider name of a context (<see cref="DatabaseSetup.Sqlite"/>, …).</summary>
    public static string Of(DatabaseFacade database) =>
        database.IsSqlite() ? DatabaseSetup.Sqlite
        : database.IsNpgsql() ? DatabaseSetup.PostgreSql
        : database.IsSqlServer() ? DatabaseSetup.SqlServer
        : throw new InvalidOperationException($"未知的数据库提供程序“{database.ProviderName}”。");

    /// <summary>
    /// Locks one case row until the transaction ends (<c>{0}</c> is the case id), or null where no lock is needed
    /// (SQLite lets one writing transaction run at a time). SQL Server: an update lock held to the end (HOLDLOCK), so a
    /// second decision on the same case waits as it does behind PostgreSQL's FOR UPDATE.
    /// </summary>
    public static string? LockCase(string provider) => provider switch
    {
        DatabaseSetup.PostgreSql => "SELECT 1 FROM \"Cases\" WHERE \"Id\" = {0} FOR UPDATE",
        DatabaseSetup.SqlServer => "SELECT 1 FROM [Cases] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE [Id] = {0}",
        _ => null,
    };

    /// <summary>
    /// Stores a file's content under its hash ({0} hash, {1} size, {2} content, {3} time), or stores it again when it is
    /// there: the same hash is the same content, so rewriting it repairs a damaged copy and marks it young for the orphan
    /// sweep. One statement, safe when two hosts store the same file at once (docs/decisions/materials.md).
    /// </summary>
    public static string PutBlob(string provider) => provider == DatabaseSetup.SqlServer
        ? "MERGE [FileBlobs] WITH (HOLDLOCK) AS [t] USING (SELECT {0} AS [Hash]) AS [s] ON [t].[Hash] = [s].[Hash] "
          + "WHEN MATCHED THEN UPDATE SET [Size] = {1}, [Content] = {2}, [CreatedAt] = {3} "
          + "WHEN NOT MATCHED THEN INSERT ([Hash], [Size], [Content], [CreatedAt]) VALUES ({0}, {1}, {2}, {3});"
        : "INSERT INTO \"FileBlobs\" (\"Hash\", \"Size\", \"Content\", \"CreatedAt\") VALUES ({0}, {1}, {2}, {3}) "
          + "ON CONFLICT (\"Hash\") DO UPDATE SET \"Size\" = EXCLUDED.\"Size\", \"Content\" = EXCLUDED.\"Content\", \"CreatedAt\" = EXCLUDED.\"CreatedAt\"";

    /// <summary>Fresh statistics for the query planner after a bulk load.</summary>
    public static string UpdateStatistics(string provider) => provider == DatabaseSetup.SqlServer ? "EXEC sp_updatestats;" : "ANALYZE;";

    /// <summary>The names of the indexes in the database, as one column named Value.</summary>
    public static string IndexNames(string provider) => provider switch
    {
        DatabaseSetup.Sqlite => "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'",
        DatabaseSetup.PostgreSql => "SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema()",
        _ => "SELECT [name] AS [Value] FROM sys.indexes WHERE [name] IS NOT NULL AND OBJECTPROPERTY([object_id], 'IsUserTable') = 1",
    };

    /// <summary>Text concatenation of two SQL expressions.</summary>
    public static string Concat(string provider, string left, string right) =>
        provider == DatabaseSetup.SqlServer ? $"{left} + {right}" : $"{left} || {right}";

    /// <summary>
    /// An INSERT that gives the identity column (Id) its values: SQL Server allows that only between SET IDENTITY_INSERT
    /// ON and OFF in the same session (one batch here). Afterwards the key generator continues after the largest key on
    /// SQLite and SQL Server by itself; PostgreSQL needs <see cref="ContinueKeys"/>.
    /// </summary>
    public static string WithExplicitKeys(string provider, string quotedTable, string insert) =>
        provider == DatabaseSetup.SqlServer
            ? $"SET IDENTITY_INSERT {quotedTable} ON;\n{insert};\nSET IDENTITY_INSERT {quotedTable} OFF;"
            : insert;

    /// <summary>After explicit keys: the statement that moves the key generator past them, or null when it moves by itself.</summary>
    public static string? ContinueKeys(string provider, string table, string column) => provider == DatabaseSetup.PostgreSql
        ? $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), (SELECT MAX(\"{column}\") FROM \"{table}\"))"
        : null;
}
