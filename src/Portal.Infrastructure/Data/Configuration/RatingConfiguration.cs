using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Ratings;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a rating (好差评) with its 差评 follow-up and the staff member's appeal.</summary>
internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>, IEntityTypeConfiguration<RatingFollowUp>, IEntityTypeConfiguration<RatingAppeal>
{
    public void Configure(EntityTypeBuilder<Rating> r)
    {
        r.ToTable("Ratings");
        r.Property(x => x.SubjectKey).HasMaxLength(80);
        r.HasIndex(x => x.SubjectKey).IsUnique();
        r.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.CaseNumber).HasMaxLength(32);
        r.Property(x => x.ServiceCode).HasMaxLength(40);
        r.Property(x => x.Unit).HasMaxLength(30);
        r.Property(x => x.WindowNumber).HasMaxLength(10);
        r.Property(x => x.StaffId).HasMaxLength(450);
        r.Property(x => x.StaffName).HasMaxLength(100);
        r.Property(x => x.Level).HasConversion<int>();
        r.Property(x => x.Scores).HasMaxLength(200);
        r.Property(x => x.Comment).HasMaxLength(RatingScale.MaxComment);
        r.Property(x => x.RaterId).HasMaxLength(450);
        r.Property(x => x.RaterName).HasMaxLength(50);
        r.Property(x => x.RaterPhone).HasMaxLength(20);
        r.Property(x => x.AccessCode).HasMaxLength(40);
        r.HasIndex(x => x.AccessCode).IsUnique();
        r.HasIndex(x => x.CreatedAt);
        r.HasIndex(x => x.CaseNumber);
        r.HasIndex(x => new { x.StaffId, x.CreatedAt });
        r.Ignore(x => x.IsBad);
    }

    public void Configure(EntityTypeBuilder<RatingFollowUp> f)
    {
        f.ToTable("RatingFollowUps");
        f.HasOne(x => x.Rating).WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Restrict);
        f.HasIndex(x => x.RatingId).IsUnique();
        f.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        f.Property(x => x.Unit).HasMaxLength(30);
        f.Property(x => x.LimitText).HasMaxLength(40);
        f.Property(x => x.VisitNotes).HasMaxLength(1000);
        f.Property(x => x.Finding).HasConversion<string>().HasMaxLength(20);
        f.Property(x => x.FindingNotes).HasMaxLength(1000);
        f.Property(x => x.Result).HasMaxLength(2000);
        f.Property(x => x.RaterSatisfaction).HasConversion<string>().HasMaxLength(20);
        f.Property(x => x.RaterRemark).HasMaxLength(500);
        f.Property(x => x.ReviewReason).HasMaxLength(500);
        f.Property(x => x.HandledByName).HasMaxLength(100);
        f.Property(x => x.Version).IsConcurrencyToken();
        f.Ignore(x => x.IsOpen);
        f.Ignore(x => x.AwaitsResult);
        f.HasIndex(x => new { x.State, x.DueAt });
        f.HasIndex(x => x.ResultAt);
    }

    public void Configure(EntityTypeBuilder<RatingAppeal> a)
    {
        a.ToTable("RatingAppeals");
        a.HasOne(x => x.Rating).WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => x.RatingId).IsUnique();
        a.Property(x => x.FiledById).HasMaxLength(450);
        a.Property(x => x.FiledByName).HasMaxLength(100);
        a.Property(x => x.Reason).HasMaxLength(1000);
        a.Property(x => x.DecidedById).HasMaxLength(450);
        a.Property(x => x.DecidedByName).HasMaxLength(100);
        a.Property(x => x.Decision).HasMaxLength(1000);
        a.Property(x => x.Version).IsConcurrencyToken();
    }
}
