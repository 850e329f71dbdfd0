using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a setting (key and value, e.g. the caches' revision stamps).</summary>
internal sealed class SettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> s)
    {
        s.ToTable("Settings");
        s.HasKey(x => x.Key);
        s.Property(x => x.Key).HasMaxLength(100);
        s.Property(x => x.Value).HasMaxLength(1000);
    }
}
