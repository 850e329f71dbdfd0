using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Infrastructure.Data;

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>
/// The portal's databases as they were built until December 2026: by the eight hand-written, provider-neutral
/// migrations in this folder (moved here unchanged from src/Portal.Infrastructure/Migrations, ADR 0001), which have no
/// model snapshot. Used only to make such a database and prove that the portal adopts it (ADR 0010).
/// </summary>
public sealed class LegacyPortalDbContext(DbContextOptions<LegacyPortalDbContext> options) : PortalDbContext(options)
{
    /// <summary>A database on the provider with exactly the old migrations applied and their ids in its history.</summary>
    public static async Task BuildAsync(string provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<LegacyPortalDbContext>();
        options.UsePortalDatabase(provider, connectionString);

        // These migrations predate the model's later changes and have no snapshot: that is the point here.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using var db = new LegacyPortalDbContext(options.Options);
        await db.Database.MigrateAsync();
    }
}
