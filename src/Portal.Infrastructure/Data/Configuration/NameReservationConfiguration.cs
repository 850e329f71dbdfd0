using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Enterprises;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a reserved enterprise name (名称自主申报), keyed by its normalized form.</summary>
internal sealed class NameReservationConfiguration : IEntityTypeConfiguration<NameReservation>
{
    public void Configure(EntityTypeBuilder<NameReservation> n)
    {
        n.ToTable("NameReservations");
        n.HasKey(x => x.NormalizedName);
        n.Property(x => x.NormalizedName).HasMaxLength(100);
        n.Property(x => x.Name).HasMaxLength(100);
    }
}
