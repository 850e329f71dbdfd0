using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Notifications;

namespace Portal.Infrastructure.Data.Configuration;

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
