using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Data.Configuration;

/// <summary>The mapping of a notification (站内消息 and its SMS / e-mail delivery).</summary>
internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.ToTable("Notifications");
        n.Property(x => x.RecipientId).HasMaxLength(450);
        n.Property(x => x.RecipientRole).HasMaxLength(64);
        n.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        n.Property(x => x.CaseNumber).HasMaxLength(32);
        n.Property(x => x.Title).HasMaxLength(200);
        n.Property(x => x.Body).HasMaxLength(1000);
        n.Property(x => x.Link).HasMaxLength(200);
        n.Property(x => x.DedupeKey).HasMaxLength(200);
        n.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
        n.Property(x => x.ClaimToken).HasMaxLength(40);
        n.Property(x => x.LastError).HasMaxLength(500);
        n.HasIndex(x => x.DedupeKey).IsUnique();
        n.HasIndex(x => new { x.RecipientId, x.CreatedAt });
        n.HasIndex(x => new { x.Delivery, x.Id });
        n.HasIndex(x => new { x.RecipientRole, x.CreatedAt });
    }
}
