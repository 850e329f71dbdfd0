using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        (PostgreSqlPortalDbContext)DatabaseSetup.CreateContext(DatabaseSetup.PostgreSql, "Host=localhost;Database=portal;Username=portal");
}
