using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Row locks for decisions that read other rows (e.g. "is every child case done?"): on PostgreSQL (SELECT … FOR
/// UPDATE) and SQL Server (an update lock held to the end) the row stays locked until the transaction ends, so two such
/// decisions run one after the other and the second sees what the first committed. SQLite serialises writing
/// transactions already.
/// </summary>
public static class RowLocks
{
    public static async Task LockCaseAsync(PortalDbContext db, long caseId, CancellationToken cancellationToken)
    {
        if (ProviderSql.LockCase(ProviderSql.Of(db.Database)) is { } sql)
        {
            await db.Database.ExecuteSqlRawAsync(sql, [caseId], cancellationToken);
        }
    }
}
