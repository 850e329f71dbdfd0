using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Enterprises;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a 企业开办 application with its investors.</summary>
internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<EstablishmentApplication>
{
    public void Configure(EntityTypeBuilder<EstablishmentApplication> a)
    {
        a.ToTable("EstablishmentApplications");
        a.Property(x => x.ApplicantId).HasMaxLength(450);
        a.Property(x => x.FiledById).HasMaxLength(450);
        a.HasIndex(x => new { x.ApplicantId, x.Status });
        a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.ProposedName).HasMaxLength(100);
        a.Property(x => x.NormalizedName).HasMaxLength(100);
        a.HasIndex(x => new { x.NormalizedName, x.Status });
        a.HasIndex(x => x.CaseId);
        a.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.RegisteredCapital).HasPrecision(18, 4);
        a.Property(x => x.Address).HasMaxLength(200);
        a.Property(x => x.ScopeCodes).HasMaxLength(500);
        a.Property(x => x.OtherScope).HasMaxLength(1000);
        a.Property(x => x.LegalRepresentative).HasMaxLength(50);
        a.Property(x => x.LegalRepresentativeIdNumber).HasMaxLength(18);
        a.Property(x => x.ContactName).HasMaxLength(50);
        a.Property(x => x.ContactPhone).HasMaxLength(20);
        a.Property(x => x.SealDelivery).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.SealMailAddress).HasMaxLength(200);
        a.Property(x => x.SynchronousItems).HasMaxLength(300);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.ScopeCodeList);
        a.Ignore(x => x.SynchronousItemList);
        a.OwnsMany(x => x.Investors, i =>
        {
            i.ToTable("Investors");
            i.WithOwner().HasForeignKey("ApplicationId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Name).HasMaxLength(100);
            i.Property(x => x.IdentityNumber).HasMaxLength(18);
            i.Property(x => x.SharePercent).HasPrecision(9, 4);
        });
    }
}
