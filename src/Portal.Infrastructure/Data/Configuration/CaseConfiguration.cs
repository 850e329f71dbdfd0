using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Cases;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a case with its history and its parallel sub-items.</summary>
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>, IEntityTypeConfiguration<CaseEvent>, IEntityTypeConfiguration<SubItem>
{
    public void Configure(EntityTypeBuilder<Case> c)
    {
        c.ToTable("Cases");
        c.Property(x => x.Number).HasMaxLength(32);
        c.HasIndex(x => x.Number).IsUnique();
        c.Property(x => x.ServiceCode).HasMaxLength(40);
        c.Property(x => x.Title).HasMaxLength(200);
        c.Property(x => x.SubjectCode).HasMaxLength(32);
        c.HasIndex(x => x.SubjectCode);
        c.Property(x => x.ApplicantId).HasMaxLength(450);
        c.Property(x => x.ApplicantName).HasMaxLength(100);
        c.Property(x => x.FiledById).HasMaxLength(450);
        c.Property(x => x.FiledByName).HasMaxLength(100);
        c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
        c.Property(x => x.PausedState).HasConversion<string>().HasMaxLength(30);
        c.Property(x => x.HolderRole).HasMaxLength(40);
        c.Property(x => x.OwnerId).HasMaxLength(450);
        c.Property(x => x.OwnerName).HasMaxLength(100);
        c.Property(x => x.StepLimitText).HasMaxLength(40);
        c.Property(x => x.SupplementItems).HasMaxLength(2000);
        c.Property(x => x.ToleranceItem).HasMaxLength(500);
        c.Property(x => x.RejectionReason).HasMaxLength(1000);
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Ignore(x => x.FiledOnBehalf);
        c.HasIndex(x => x.ApplicantId);
        c.HasIndex(x => new { x.HolderRole, x.StepDueAt });
        // The workbench's 补正 list: the cases paused in one step, longest waiting first (SupplementQueue).
        c.HasIndex(x => new { x.HolderRole, x.State, x.PausedState, x.PausedAt, x.ServiceCode });
        c.HasIndex(x => new { x.IsOverdue, x.StepDueAt });
        c.HasIndex(x => new { x.IsOverdue, x.StepWarnAt });
        c.HasIndex(x => new { x.ToleranceSuppliedAt, x.ToleranceDueAt });
        c.HasMany(x => x.History).WithOne(e => e.Case).HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        c.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Property);
        c.HasMany(x => x.SubItems).WithOne(s => s.Case).HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
        c.Navigation(x => x.SubItems).UsePropertyAccessMode(PropertyAccessMode.Property);
    }

    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.ToTable("CaseEvents");
        e.Property(x => x.Action).HasMaxLength(40);
        e.Property(x => x.ActionLabel).HasMaxLength(100);
        e.Property(x => x.FromState).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ToState).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ActorId).HasMaxLength(450);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.ActorRole).HasMaxLength(50);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.HolderRole).HasMaxLength(40);
        e.Property(x => x.LimitText).HasMaxLength(40);
        e.HasIndex(x => new { x.CaseId, x.At });
        e.HasIndex(x => x.At);
    }

    public void Configure(EntityTypeBuilder<SubItem> s)
    {
        s.ToTable("SubItems");
        s.Property(x => x.Code).HasMaxLength(40);
        s.Property(x => x.Label).HasMaxLength(40);
        s.Property(x => x.Department).HasConversion<string>().HasMaxLength(30);
        s.Property(x => x.HolderRole).HasMaxLength(40);
        s.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.Reason).HasMaxLength(1000);
        s.Property(x => x.HandledByName).HasMaxLength(100);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.Ignore(x => x.IsOpen);
        s.HasIndex(x => new { x.HolderRole, x.State });
        s.HasIndex(x => new { x.CaseId, x.Code }).IsUnique();
    }
}
