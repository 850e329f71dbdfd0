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
    /// Fills the work queue (WorkItems) from the cases and their tracks as stored: one row per case and staff role holding
    /// its step or one of its working tracks (待办理, 办理中), the same rows <c>WorkQueue</c> derives in every save. Run once
    /// by the WorkQueue migration for the databases that existed before it, and by the load seeder after its bulk
    /// inserts (which bypass the change tracker); rows already there are left alone.
    /// </summary>
    public static string BackfillWorkQueue(string provider)
    {
        var (q, noDeadline, paused) = provider switch
        {
            DatabaseSetup.SqlServer => ((Func<string, string>)(n => $"[{n}]"), "CAST('9999-12-31T00:00:00' AS datetime2)", "CASE WHEN c.[PausedAt] IS NULL THEN CAST(0 AS bit) ELSE CAST(1 AS bit) END"),
            DatabaseSetup.PostgreSql => (n => $"\"{n}\"", "TIMESTAMPTZ '9999-12-31 00:00:00+00'", "c.\"PausedAt\" IS NOT NULL"),
            _ => (n => $"\"{n}\"", "'9999-12-31 00:00:00'", "c.\"PausedAt\" IS NOT NULL"),
        };
        return $"""
            INSERT INTO {q("WorkItems")} ({q("CaseId")}, {q("Holder")}, {q("DueAt")}, {q("WarnAt")}, {q("Paused")}, {q("ServiceCode")}, {q("State")}, {q("OwnerId")})
            SELECT c.{q("Id")}, h.{q("Holder")}, COALESCE(c.{q("StepDueAt")}, {noDeadline}), c.{q("StepWarnAt")}, {paused}, c.{q("ServiceCode")}, c.{q("State")}, c.{q("OwnerId")}
            FROM (
                SELECT {q("Id")} AS {q("CaseId")}, {q("HolderRole")} AS {q("Holder")} FROM {q("Cases")}
                WHERE {q("HolderRole")} <> '' AND {q("HolderRole")} <> 'Applicant'
                UNION
                SELECT {q("CaseId")}, {q("HolderRole")} FROM {q("SubItems")}
                WHERE {q("State")} IN ('Waiting', 'InProgress') AND {q("HolderRole")} <> '' AND {q("HolderRole")} <> 'Applicant'
            ) h
            JOIN {q("Cases")} c ON c.{q("Id")} = h.{q("CaseId")}
            WHERE NOT EXISTS (SELECT 1 FROM {q("WorkItems")} w WHERE w.{q("CaseId")} = h.{q("CaseId")} AND w.{q("Holder")} = h.{q("Holder")})
            """;
    }

    /// <summary>
    /// Stores a file's content under its hash ({0} hash, {1} size, {2} content, {3} time), or stores it again when it is
    /// there: the same hash is the same content, so rewriting it repairs a damaged copy and marks it young for the orphan
    /// sweep. One statement, safe when two hosts store the same file at once (docs/decisions/0018-materials.md).
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

    /// <summary>How old (days) an audit entry must be before the database lets it be deleted: 网络安全法 第二十一条's six months.</summary>
    public const int AuditRetentionFloorDays = 180;

    /// <summary>
    /// Makes the security audit log append-only in the database itself: any UPDATE is refused, and a DELETE only passes
    /// for entries older than <see cref="AuditRetentionFloorDays"/> days by the database's own clock (the retention job).
    /// PostgreSQL refuses TRUNCATE too; SQL Server's TRUNCATE fires no trigger (grant it to nobody); SQLite has none.
    /// One statement per item. SQL Server's CREATE TRIGGER must be alone in its batch, which a migration script (and its
    /// idempotent IF … BEGIN … END form) does not give it, so it runs through EXEC.
    /// </summary>
    public static IReadOnlyList<string> AuditAppendOnly(string provider) => provider switch
    {
        DatabaseSetup.Sqlite =>
        [
            $"""
            CREATE TRIGGER "SecurityEvents_no_update" BEFORE UPDATE ON "SecurityEvents"
            BEGIN
                SELECT RAISE(ABORT, '{AuditRefusal}');
            END
            """,
            $"""
            CREATE TRIGGER "SecurityEvents_no_early_delete" BEFORE DELETE ON "SecurityEvents"
            WHEN OLD."OccurredAt" > strftime('%Y-%m-%d %H:%M:%f', 'now', '-{AuditRetentionFloorDays} days')
            BEGIN
                SELECT RAISE(ABORT, '{AuditRefusal}');
            END
            """,
        ],
        DatabaseSetup.PostgreSql =>
        [
            $"""
            CREATE FUNCTION "SecurityEvents_append_only"() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP = 'DELETE' AND OLD."OccurredAt" < now() - interval '{AuditRetentionFloorDays} days' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION '{AuditRefusal}';
            END
            $body$
            """,
            """CREATE TRIGGER "SecurityEvents_append_only" BEFORE UPDATE OR DELETE ON "SecurityEvents" FOR EACH ROW EXECUTE FUNCTION "SecurityEvents_append_only"()""",
            """CREATE TRIGGER "SecurityEvents_no_truncate" BEFORE TRUNCATE ON "SecurityEvents" FOR EACH STATEMENT EXECUTE FUNCTION "SecurityEvents_append_only"()""",
        ],
        DatabaseSetup.SqlServer =>
        [
            Batch($"""
            CREATE TRIGGER [SecurityEvents_append_only] ON [SecurityEvents] AFTER UPDATE, DELETE AS
            BEGIN
                SET NOCOUNT ON;
                IF EXISTS (SELECT 1 FROM inserted)
                    OR EXISTS (SELECT 1 FROM deleted WHERE [OccurredAt] > DATEADD(day, -{AuditRetentionFloorDays}, SYSUTCDATETIME()))
                    THROW 51000, N'{AuditRefusal}', 1;
            END
            """),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>Removes what <see cref="AuditAppendOnly"/> created (a migration's Down).</summary>
    public static IReadOnlyList<string> DropAuditAppendOnly(string provider) => provider switch
    {
        DatabaseSetup.Sqlite => ["DROP TRIGGER IF EXISTS \"SecurityEvents_no_update\"", "DROP TRIGGER IF EXISTS \"SecurityEvents_no_early_delete\""],
        DatabaseSetup.PostgreSql =>
        [
            "DROP TRIGGER IF EXISTS \"SecurityEvents_append_only\" ON \"SecurityEvents\"",
            "DROP TRIGGER IF EXISTS \"SecurityEvents_no_truncate\" ON \"SecurityEvents\"",
            "DROP FUNCTION IF EXISTS \"SecurityEvents_append_only\"()",
        ],
        DatabaseSetup.SqlServer => ["DROP TRIGGER IF EXISTS [SecurityEvents_append_only]"],
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    /// <summary>A SQL Server statement run as a batch of its own (EXEC of its text).</summary>
    private static string Batch(string statement) => $"EXEC(N'{statement.Replace("'", "''", StringComparison.Ordinal)}')";

    /// <summary>The database's refusal (reaches only the log: the portal never tries).</summary>
    public const string AuditRefusal = "安全审计日志只能追加：不能修改记录，也不能删除180天内的记录。";
}
