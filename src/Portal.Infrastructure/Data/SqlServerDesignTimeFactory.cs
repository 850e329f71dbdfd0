using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infrastructure.Data;

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args) =>
        (SqlServerPortalDbContext)DatabaseSetup.CreateContext(DatabaseSetup.SqlServer, "Server=localhost;Database=portal;Integrated Security=true;TrustServerCertificate=true");
}
