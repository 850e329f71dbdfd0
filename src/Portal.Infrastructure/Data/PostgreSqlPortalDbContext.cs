using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>The portal's model on PostgreSQL.</summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options);
