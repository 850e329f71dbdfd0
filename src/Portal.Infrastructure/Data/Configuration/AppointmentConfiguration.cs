using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Hall;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of an appointment (预约), one row per taken seat of a slot.</summary>
internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> a)
    {
        a.ToTable("Appointments");
        a.Property(x => x.UserId).HasMaxLength(450);
        a.Property(x => x.UserName).HasMaxLength(100);
        a.Property(x => x.Category).HasMaxLength(30);
        a.Property(x => x.SlotLabel).HasMaxLength(40);
        a.Property(x => x.ActiveKey).HasMaxLength(500);
        a.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Code).HasMaxLength(20);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.Ignore(x => x.StateLabel);
        // Capacity: one row per taken seat of a slot (a cancelled booking's seat is null and frees it).
        a.HasIndex(x => new { x.Category, x.LocalDate, x.SlotKey, x.Seat }).IsUnique();
        a.HasIndex(x => x.ActiveKey).IsUnique();
        a.HasIndex(x => x.Code).IsUnique();
        a.HasIndex(x => new { x.UserId, x.LocalDate });
    }
}
