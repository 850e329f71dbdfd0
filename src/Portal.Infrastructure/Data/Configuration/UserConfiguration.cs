using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of the portal's user (Identity's user with name, ID number, kind and window).</summary>
internal sealed class UserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> u)
    {
        u.Property(x => x.FullName).HasMaxLength(50);
        u.Property(x => x.IdNumber).HasMaxLength(18);
        u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        u.Property(x => x.EnterpriseName).HasMaxLength(100);
        u.Property(x => x.WindowNumber).HasMaxLength(10);
        u.HasIndex(x => x.IdNumber);
    }
}
