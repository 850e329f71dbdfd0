using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

/// <summary>
/// How <c>dotnet ef</c> makes each provider's context. Adding a migration needs no database, so the connection
/// strings are placeholders; <c>dotnet ef database update --connection "…"</c> names a real one.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        (SqlitePortalDbContext)DatabaseSetup.CreateContext(DatabaseSetup.Sqlite, "Data Source=data/portal.db");
}
