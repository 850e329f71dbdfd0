using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of agent authorisations (经办人) and the identity events.</summary>
internal sealed class IdentityConfiguration : IEntityTypeConfiguration<EnterpriseAgent>, IEntityTypeConfiguration<IdentityEvent>
{
    public void Configure(EntityTypeBuilder<EnterpriseAgent> a)
    {
        a.ToTable("EnterpriseAgents");
        a.Property(x => x.AgentUserId).HasMaxLength(450);
        a.Property(x => x.AgentName).HasMaxLength(50);
        a.Property(x => x.AgentIdNumberMasked).HasMaxLength(18);
        a.Property(x => x.Services).HasMaxLength(EnterpriseAgent.ServicesMaxLength);
        a.Property(x => x.GrantedById).HasMaxLength(450);
        a.Property(x => x.GrantedByName).HasMaxLength(50);
        a.Property(x => x.RevokedById).HasMaxLength(450);
        a.Property(x => x.RevokedByName).HasMaxLength(50);
        a.HasIndex(x => x.EnterpriseId);
        a.HasIndex(x => x.AgentUserId);
        a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        a.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.AgentUserId).OnDelete(DeleteBehavior.Restrict);
        a.Ignore(x => x.ServiceCodes);
    }

    public void Configure(EntityTypeBuilder<IdentityEvent> e)
    {
        e.ToTable("IdentityEvents");
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.At });
        e.HasIndex(x => x.At);
    }
}
