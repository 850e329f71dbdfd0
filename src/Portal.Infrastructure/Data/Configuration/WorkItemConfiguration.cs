using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Cases;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The work queue: one row per (case, holder); the 待办 list of a holder is read in (DueAt, CaseId) order from one index.</summary>
internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> w)
    {
        w.ToTable("WorkItems");
        w.HasKey(x => new { x.CaseId, x.Holder });
        w.Property(x => x.Holder).HasMaxLength(40);
        w.Property(x => x.ServiceCode).HasMaxLength(40);
        w.Property(x => x.State).HasConversion<string>().HasMaxLength(30);
        w.Property(x => x.OwnerId).HasMaxLength(450);
        w.HasIndex(x => new { x.Holder, x.DueAt, x.CaseId });
        w.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
