using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Enterprises;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a registered enterprise and its permits.</summary>
internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>, IEntityTypeConfiguration<EnterprisePermit>
{
    public void Configure(EntityTypeBuilder<Enterprise> e)
    {
        e.ToTable("Enterprises");
        e.Property(x => x.CreditCode).HasMaxLength(18);
        e.HasIndex(x => x.CreditCode).IsUnique();
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.NormalizedName).HasMaxLength(100);
        e.HasIndex(x => x.NormalizedName);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.RegisteredCapital).HasPrecision(18, 4);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.BusinessScope).HasMaxLength(2000);
        e.Property(x => x.LegalRepresentative).HasMaxLength(50);
        e.Property(x => x.LegalRepresentativeIdNumber).HasMaxLength(18);
        // 我的企业 finds the enterprises whose legal representative a verified person is.
        e.HasIndex(x => x.LegalRepresentativeIdNumber);
        e.Property(x => x.OwnerId).HasMaxLength(450);
        e.HasIndex(x => x.OwnerId);
        e.HasIndex(x => x.CaseId);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SealDelivery).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SealMailAddress).HasMaxLength(200);
        e.Property(x => x.CancellationNote).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsActive);
    }

    public void Configure(EntityTypeBuilder<EnterprisePermit> p)
    {
        p.ToTable("Permits");
        p.Property(x => x.Name).HasMaxLength(100);
        p.Property(x => x.Number).HasMaxLength(50);
        p.Property(x => x.Department).HasConversion<string>().HasMaxLength(30);
        p.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.CancelledByCase).HasMaxLength(32);
        p.HasIndex(x => x.EnterpriseId);
        p.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
