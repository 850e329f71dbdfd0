using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Security;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The security audit log (append-only; a trigger in the migration refuses changes).</summary>
internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.ToTable("SecurityEvents");
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.UserName).HasMaxLength(100);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.IpAddress).HasMaxLength(45);
        e.Property(x => x.Detail).HasMaxLength(500);
        e.HasIndex(x => x.OccurredAt);
        e.HasIndex(x => new { x.Type, x.OccurredAt });
        e.HasIndex(x => new { x.UserName, x.OccurredAt });
    }
}
