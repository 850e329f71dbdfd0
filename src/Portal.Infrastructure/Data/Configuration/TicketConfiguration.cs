using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Hall;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a queue ticket of the hall (取号).</summary>
internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> t)
    {
        t.ToTable("Tickets");
        t.Property(x => x.Category).HasMaxLength(30);
        t.Property(x => x.Number).HasMaxLength(10);
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        t.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        t.Property(x => x.PriorityCheck).HasConversion<string>().HasMaxLength(20);
        t.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        t.Property(x => x.WindowNumber).HasMaxLength(10);
        t.Property(x => x.TransferredTo).HasMaxLength(10);
        t.Property(x => x.CalledByName).HasMaxLength(100);
        t.Property(x => x.CalledById).HasMaxLength(450);
        t.Property(x => x.CaseNumber).HasMaxLength(32);
        t.Property(x => x.AccessCode).HasMaxLength(40);
        t.HasIndex(x => x.AccessCode).IsUnique();
        t.HasIndex(x => new { x.LocalDate, x.Category, x.Sequence }).IsUnique();
        t.HasIndex(x => new { x.LocalDate, x.State });
        t.Property(x => x.Version).IsConcurrencyToken();
        t.Ignore(x => x.KindLabel);
        t.Ignore(x => x.AwaitsPriorityCheck);
        t.HasIndex(x => x.CaseNumber);
    }
}
