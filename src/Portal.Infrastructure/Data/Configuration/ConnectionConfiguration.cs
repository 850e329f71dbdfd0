using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Connections;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a 报装 application (one site) with one request per utility.</summary>
internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<ConnectionApplication>, IEntityTypeConfiguration<UtilityRequest>
{
    public void Configure(EntityTypeBuilder<ConnectionApplication> a)
    {
        a.ToTable("ConnectionApplications");
        a.Property(x => x.CaseNumber).HasMaxLength(32);
        a.HasIndex(x => x.CaseId);
        a.Property(x => x.ApplicantId).HasMaxLength(450);
        a.HasIndex(x => x.ApplicantId);
        a.Property(x => x.Customer).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.EnterpriseName).HasMaxLength(100);
        a.Property(x => x.CreditCode).HasMaxLength(18);
        a.Property(x => x.Address).HasMaxLength(200);
        a.Property(x => x.Purpose).HasMaxLength(200);
        a.Property(x => x.SurveyScheduledBy).HasMaxLength(100);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.Joint);
        a.HasMany(x => x.Requests).WithOne(r => r.Application).HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<UtilityRequest> r)
    {
        r.ToTable("UtilityRequests");
        r.Property(x => x.Utility).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.CaseNumber).HasMaxLength(32);
        r.HasIndex(x => x.CaseId);
        r.HasIndex(x => new { x.Utility, x.UpdatedAt });
        r.OwnsOne(x => x.Data, d =>
        {
            d.Property(x => x.CapacityKw).HasPrecision(18, 2);
            d.Property(x => x.Voltage).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.LineLengthM).HasPrecision(18, 2);
            d.Property(x => x.PipeLengthM).HasPrecision(18, 2);
            d.Property(x => x.GasCubicMetresPerMonth).HasPrecision(18, 2);
            d.Property(x => x.HeatAreaM2).HasPrecision(18, 2);
        });
        r.Property(x => x.Path).HasMaxLength(40);
        r.Property(x => x.PathLabel).HasMaxLength(100);
        r.Property(x => x.Rule).HasMaxLength(300);
        r.Property(x => x.Source).HasMaxLength(60);
        r.Property(x => x.LimitKey).HasMaxLength(60);
        r.Property(x => x.ApprovalLimitKey).HasMaxLength(60);
        r.Property(x => x.Notes).HasMaxLength(2000);
        r.Property(x => x.SurveyFindings).HasMaxLength(2000);
        r.Property(x => x.DesignBudget).HasPrecision(18, 2);
        r.Property(x => x.WorksFee).HasPrecision(18, 2);
        r.Property(x => x.ContractNumber).HasMaxLength(40);
        r.Property(x => x.UtilitySignedBy).HasMaxLength(100);
        r.Property(x => x.ApplicantSignedBy).HasMaxLength(100);
        r.Property(x => x.ContractCapacity).HasMaxLength(ContractTerms.MaxShort);
        r.Property(x => x.ContractPrice).HasMaxLength(ContractTerms.MaxLong);
        r.Property(x => x.ContractUtilityDuties).HasMaxLength(ContractTerms.MaxLong);
        r.Property(x => x.ContractCustomerDuties).HasMaxLength(ContractTerms.MaxLong);
        r.Ignore(x => x.HasContractTerms);
        r.Ignore(x => x.Terms);
        r.Property(x => x.WorksRoute).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.WorksPlannedBy).HasMaxLength(100);
        r.Ignore(x => x.NeedsWorksPlan);
        r.Property(x => x.Version).IsConcurrencyToken();
    }
}
