using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>The portal's model on SQL Server.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
