using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Infrastructure.Data;

public static class DbErrors
{
    /// <summary>SQL Server's "duplicate key row in a unique index" and "violation of a unique or primary key constraint".</summary>
    private const int SqlServerDuplicateKey = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    /// <summary>Whether a save failed on a unique index or primary key (SQLite constraint error, PostgreSQL 23505, SQL Server 2601/2627).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is SqlServerDuplicateKey or SqlServerUniqueConstraint,
        _ => false,
    };

    /// <summary>
    /// Whether a save failed because the same notification was already stored: another request or instance saved the
    /// same change of the same case first (its message has the same dedupe key), i.e. a concurrency conflict.
    /// </summary>
    public static bool IsDuplicateNotification(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("Notifications.DedupeKey", StringComparison.Ordinal),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation && postgres.ConstraintName == "IX_Notifications_DedupeKey",
        SqlException sqlServer => sqlServer.Number == SqlServerDuplicateKey && sqlServer.Message.Contains("IX_Notifications_DedupeKey", StringComparison.Ordinal),
        _ => false,
    };
}
