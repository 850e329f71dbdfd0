using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Infrastructure.Materials;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a case's material list items, their files' metadata and (on server databases) the files' contents.</summary>
internal sealed class MaterialConfiguration : IEntityTypeConfiguration<CaseMaterial>, IEntityTypeConfiguration<MaterialFile>, IEntityTypeConfiguration<FileBlob>
{
    public void Configure(EntityTypeBuilder<CaseMaterial> m)
    {
        m.ToTable("CaseMaterials");
        m.Property(x => x.Code).HasMaxLength(40);
        m.Property(x => x.Name).HasMaxLength(100);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        m.Property(x => x.Explanation).HasMaxLength(MaterialLimits.MaxExplanationLength);
        m.Property(x => x.ReviewReason).HasMaxLength(MaterialLimits.MaxReasonLength);
        m.Property(x => x.ReviewedById).HasMaxLength(450);
        m.Property(x => x.ReviewedByName).HasMaxLength(100);
        m.Property(x => x.Version).IsConcurrencyToken();
        m.Ignore(x => x.CurrentFiles);
        m.Ignore(x => x.HasContent);
        m.Ignore(x => x.OpenForApplicant);
        m.Ignore(x => x.KeepsCommitmentOpen);
        m.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        m.HasIndex(x => new { x.CaseId, x.Code }).IsUnique();
        m.HasMany(x => x.Files).WithOne(f => f.Material).HasForeignKey(f => f.MaterialId).OnDelete(DeleteBehavior.Restrict);
        m.Navigation(x => x.Files).UsePropertyAccessMode(PropertyAccessMode.Property);
    }

    public void Configure(EntityTypeBuilder<MaterialFile> f)
    {
        f.ToTable("MaterialFiles");
        f.Property(x => x.StagingKey).HasMaxLength(120);
        f.Property(x => x.ItemCode).HasMaxLength(40);
        f.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        f.Property(x => x.PreviewHash).HasMaxLength(64).IsFixedLength();
        f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        f.Property(x => x.PreviewKind).HasConversion<string>().HasMaxLength(10);
        f.Property(x => x.DisplayName).HasMaxLength(MaterialLimits.MaxDisplayNameLength);
        f.Property(x => x.UploadedById).HasMaxLength(450);
        f.Property(x => x.UploadedByName).HasMaxLength(100);
        f.Ignore(x => x.Staged);
        f.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        f.HasIndex(x => x.CaseId);
        f.HasIndex(x => new { x.StagingKey, x.UploadedAt });
        f.HasIndex(x => x.Hash);
        f.HasIndex(x => x.PreviewHash);
    }

    public void Configure(EntityTypeBuilder<FileBlob> b)
    {
        b.ToTable("FileBlobs");
        b.HasKey(x => x.Hash);
        b.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(x => x.CreatedAt);
    }
}
