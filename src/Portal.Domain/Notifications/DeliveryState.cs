namespace Portal.Domain.Notifications;

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
}
