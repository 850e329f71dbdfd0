using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of the holiday calendar: its special days and the years it covers.</summary>
internal sealed class CalendarConfiguration : IEntityTypeConfiguration<CalendarDayEntry>, IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarDayEntry> d)
    {
        d.ToTable("CalendarDays");
        d.HasKey(x => x.Date);
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.Name).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<CalendarYear> y)
    {
        y.ToTable("CalendarYears");
        y.HasKey(x => x.Year);
        y.Property(x => x.Year).ValueGeneratedNever();
        y.Property(x => x.Source).HasMaxLength(200);
    }
}
