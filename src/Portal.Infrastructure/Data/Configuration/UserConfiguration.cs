using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of the portal's user (Identity's user with name, ID number, kind, window and identity verification).</summary>
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
        u.Property(x => x.VerifiedFullName).HasMaxLength(50);
        u.Property(x => x.VerifiedIdNumber).HasMaxLength(18);

        // One verified account per person: a second account with the same ID number stays unverified.
        u.HasIndex(x => x.VerifiedIdNumber).IsUnique();
        u.Property(x => x.VerificationMethod).HasConversion<string>().HasMaxLength(20);
        u.Property(x => x.VerifiedById).HasMaxLength(450);
        u.Property(x => x.VerifiedByName).HasMaxLength(100);
        u.Ignore(x => x.Level);
    }
}
