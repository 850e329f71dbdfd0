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

/// <summary>
/// The read marks of role messages: one row per member and message read, unique and found by (member, message). The key
/// is a number of its own: (member, message) as the primary key would exceed SQL Server's 900 bytes for a clustered key.
/// </summary>
internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> r)
    {
        r.ToTable("NotificationReads");
        r.HasKey(x => x.Id);
        r.HasIndex(x => new { x.UserId, x.NotificationId }).IsUnique();
        r.Property(x => x.UserId).HasMaxLength(450);
        r.HasOne<Notification>().WithMany().HasForeignKey(x => x.NotificationId).OnDelete(DeleteBehavior.Cascade);
        r.HasIndex(x => x.NotificationId);
    }
}
