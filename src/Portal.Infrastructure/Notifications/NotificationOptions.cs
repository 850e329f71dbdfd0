namespace Portal.Infrastructure.Notifications;

public sealed class NotificationOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 100;

    public int MaxAttempts { get; set; } = 5;

    /// <summary>A claim older than this is taken to belong to a crashed instance and may be taken over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public bool Enabled { get; set; } = true;
}
