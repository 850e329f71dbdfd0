using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deregistration;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a 注销 application with its public-notice responses and the departments' confirmations.</summary>
internal sealed class DeregistrationConfiguration : IEntityTypeConfiguration<DeregistrationApplication>, IEntityTypeConfiguration<NoticeResponse>, IEntityTypeConfiguration<CancellationShare>
{
    public void Configure(EntityTypeBuilder<DeregistrationApplication> d)
    {
        d.ToTable("Deregistrations");
        d.Property(x => x.CaseNumber).HasMaxLength(32);
        d.HasIndex(x => x.CaseId);
        d.HasIndex(x => x.EnterpriseId);
        d.Property(x => x.CreditCode).HasMaxLength(18);
        d.Property(x => x.EnterpriseName).HasMaxLength(100);
        d.Property(x => x.Route).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.ConfirmedConditions).HasMaxLength(300);
        d.Property(x => x.CommitmentSignedBy).HasMaxLength(50);
        d.Property(x => x.DissolutionReason).HasMaxLength(200);
        d.Property(x => x.LiquidationGroup).HasMaxLength(500);
        d.Property(x => x.LiquidationHead).HasMaxLength(50);
        d.Property(x => x.AuthorityReason).HasMaxLength(1000);
        d.Property(x => x.NoticeText).HasMaxLength(2000);
        d.Property(x => x.TerminationReason).HasMaxLength(1000);
        d.Property(x => x.Version).IsConcurrencyToken();
        d.Ignore(x => x.OpenObjections);
        d.HasIndex(x => x.NoticeEndsAt);
        d.HasMany(x => x.Responses).WithOne(r => r.Application).HasForeignKey(r => r.DeregistrationId).OnDelete(DeleteBehavior.Restrict);
        d.HasMany(x => x.Shares).WithOne(r => r.Application).HasForeignKey(r => r.DeregistrationId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<NoticeResponse> r)
    {
        r.ToTable("NoticeResponses");
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Name).HasMaxLength(50);
        r.Property(x => x.Contact).HasMaxLength(60);
        r.Property(x => x.Content).HasMaxLength(1000);
        r.Property(x => x.Amount).HasPrecision(18, 2);
        r.Property(x => x.SubmissionKey).HasMaxLength(64);
        r.HasIndex(x => x.SubmissionKey).IsUnique();
        r.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.DecisionReason).HasMaxLength(1000);
        r.Property(x => x.DecidedByName).HasMaxLength(100);
        r.HasIndex(x => x.DeregistrationId);
    }

    public void Configure(EntityTypeBuilder<CancellationShare> s)
    {
        s.ToTable("CancellationShares");
        s.Property(x => x.Department).HasConversion<string>().HasMaxLength(30);
        s.Property(x => x.ConfirmedByName).HasMaxLength(100);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.Ignore(x => x.Confirmed);
        s.HasIndex(x => new { x.DeregistrationId, x.Department }).IsUnique();
        s.HasIndex(x => new { x.Department, x.ConfirmedAt });
    }
}
