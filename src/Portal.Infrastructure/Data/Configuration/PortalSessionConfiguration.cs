using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Security;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The server-side sign-in sessions.</summary>
internal sealed class PortalSessionConfiguration : IEntityTypeConfiguration<PortalSession>
{
    public void Configure(EntityTypeBuilder<PortalSession> s)
    {
        s.ToTable("Sessions");
        s.Property(x => x.Id).HasMaxLength(64);
        s.Property(x => x.UserId).HasMaxLength(450);
        s.HasIndex(x => x.UserId);
        s.HasIndex(x => x.ExpiresAt);
    }
}
