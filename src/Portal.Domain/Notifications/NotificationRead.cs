namespace Portal.Domain.Notifications;

/// <summary>That one member of a role has read one of the role's messages (a person's own message keeps its own <see cref="Notification.ReadAt"/>).</summary>
public class NotificationRead
{
    private NotificationRead()
    {
    }

    public long Id { get; private set; }

    public string UserId { get; private set; } = "";

    public long NotificationId { get; private set; }

    public DateTime ReadAt { get; private set; }

    public static NotificationRead Create(string userId, long notificationId, DateTime nowUtc) => new()
    {
        UserId = userId,
        NotificationId = notificationId,
        ReadAt = nowUtc,
    };
}
