using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of one promised time limit of a city profile (承诺时限清单).</summary>
internal sealed class PromiseLimitConfiguration : IEntityTypeConfiguration<PromiseLimit>
{
    public void Configure(EntityTypeBuilder<PromiseLimit> p)
    {
        p.ToTable("PromiseLimits");
        p.Property(x => x.ProfileCode).HasMaxLength(40);
        p.Property(x => x.Key).HasMaxLength(80);
        p.Property(x => x.Service).HasMaxLength(40);
        p.Property(x => x.Step).HasMaxLength(100);
        p.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.Source).HasMaxLength(80);
        p.Property(x => x.Note).HasMaxLength(200);
        p.Property(x => x.UpdatedBy).HasMaxLength(100);
        p.Property(x => x.DefaultHash).HasMaxLength(32);
        p.Ignore(x => x.EditedByAdministrator);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.Ignore(x => x.Limit);
        p.HasIndex(x => new { x.ProfileCode, x.Key }).IsUnique();
    }
}
