namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Delivers notifications outside the portal (SMS gateway, mail server). The default writes to the log; a city plugs
/// in its gateway by registering another implementation. Throwing marks the attempt failed; it is retried.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
