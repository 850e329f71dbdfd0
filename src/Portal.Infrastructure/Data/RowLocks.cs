using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Row locks for decisions that read other rows (e.g. "is every child case done?"): on PostgreSQL the row is
/// locked with SELECT … FOR UPDATE until the transaction ends, so two such decisions run one after the other
/// and the second sees what the first committed. SQLite serialises writing transactions already.
/// </summary>
public static class RowLocks
{
    public static async Task LockCaseAsync(PortalDbContext db, long caseId, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Cases\" WHERE \"Id\" = {caseId} FOR UPDATE", cancellationToken);
        }
    }
}
