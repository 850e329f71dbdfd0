using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Infrastructure.Data;

public static class DbErrors
{
    /// <summary>Whether a save failed on a unique index or primary key (SQLite constraint error, PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
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
        _ => false,
    };
}
