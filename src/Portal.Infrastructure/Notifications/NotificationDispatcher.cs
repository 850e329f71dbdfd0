using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Health;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// One SMS / e-mail to send: the stored notification and the recipient's contact details. A role's message
/// (<see cref="RecipientRole"/> set, no person, no contact) is handed over once: a gateway may post it to the role's
/// group channel; the default sender logs it.
/// </summary>
public sealed record OutgoingMessage(long NotificationId, string RecipientId, string? Phone, string? Email, string Title, string Body, string? Link)
{
    /// <summary>The role whose inbox holds the message, or null for a person's message.</summary>
    public string? RecipientRole { get; init; }
}

/// <summary>
/// Delivers notifications outside the portal (SMS gateway, mail server). The default writes to the log; a city plugs
/// in its gateway by registering another implementation. Throwing marks the attempt failed; it is retried.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}

public sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        // The log is not the person's phone: the recipient's numbers and address, and any ID or mobile number in the text, are masked.
        if (message.RecipientRole is { } role)
        {
            logger.LogInformation("通知 #{Id} → {Role} 收件箱：【{Title}】{Body}", message.NotificationId, role, PersonalData.MaskText(message.Title), PersonalData.MaskText(message.Body));
            return Task.CompletedTask;
        }

        logger.LogInformation(
            "通知 #{Id} → 短信 {Phone} / 邮件 {Email}：【{Title}】{Body}",
            message.NotificationId,
            string.IsNullOrEmpty(message.Phone) ? "-" : PersonalData.MaskPhone(message.Phone),
            MaskEmail(message.Email),
            PersonalData.MaskText(message.Title),
            PersonalData.MaskText(message.Body));
        return Task.CompletedTask;
    }

    /// <summary>"zhangming@example.cn" → "z***@example.cn"; "-" when there is none.</summary>
    public static string MaskEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? "-"
        : email.IndexOf('@') is var at and > 0 ? email[0] + "***" + email[at..]
        : new string('*', email.Length);
}

public sealed class NotificationOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 100;

    public int MaxAttempts { get; set; } = 5;

    /// <summary>A claim older than this is taken to belong to a crashed instance and may be taken over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Sends pending notifications through <see cref="INotificationSender"/>. Several portal instances may run it on
/// one database: each notification is claimed with one conditional UPDATE (still pending, same claim as read), so
/// exactly one instance sends it. An instance that dies after claiming leaves the claim to time out, and another
/// instance then sends it (at-least-once across a crash between sending and recording).
/// </summary>
public sealed class NotificationDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<NotificationOptions> options, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>When a dispatch round last finished without failing (read by /healthz).</summary>
    public BackgroundRun Run { get; } = new(options.Value.Enabled, options.Value.Interval);

    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var now = time.GetUtcNow().UtcDateTime;
        var stale = now - o.ClaimTimeout;
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => n.Delivery == DeliveryState.Pending && (n.ClaimToken == null || n.ClaimedAt < stale))
            .OrderBy(n => n.Id)
            .Take(o.BatchSize)
            .Select(n => new { n.Id, n.ClaimToken, n.RecipientId, n.RecipientRole, n.Title, n.Body, n.Link, n.Attempts })
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var n in candidates)
        {
            var token = Guid.NewGuid().ToString("N");
            var claimed = await db.Notifications
                .Where(x => x.Id == n.Id && x.Delivery == DeliveryState.Pending && x.ClaimToken == n.ClaimToken)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.ClaimToken, token).SetProperty(x => x.ClaimedAt, now), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var contact = n.RecipientRole is not null ? null
                : await db.Users.AsNoTracking().Where(u => u.Id == n.RecipientId).Select(u => new { u.PhoneNumber, u.Email }).SingleOrDefaultAsync(cancellationToken);
            try
            {
                await sender.SendAsync(new OutgoingMessage(n.Id, n.RecipientId, contact?.PhoneNumber, contact?.Email, n.Title, n.Body, n.Link) { RecipientRole = n.RecipientRole }, cancellationToken);
                await db.Notifications.Where(x => x.Id == n.Id && x.ClaimToken == token)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Delivery, DeliveryState.Sent).SetProperty(x => x.SentAt, now).SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Notification {Id} could not be sent (attempt {Attempt})", n.Id, n.Attempts + 1);
                var error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                var failed = n.Attempts + 1 >= o.MaxAttempts;
                await db.Notifications.Where(x => x.Id == n.Id && x.ClaimToken == token)
                    .ExecuteUpdateAsync(u => u
                        .SetProperty(x => x.Delivery, failed ? DeliveryState.Failed : DeliveryState.Pending)
                        .SetProperty(x => x.ClaimToken, (string?)null)
                        .SetProperty(x => x.LastError, error)
                        .SetProperty(x => x.Attempts, x => x.Attempts + 1), cancellationToken);
            }
        }

        Run.Succeeded(time.GetUtcNow());
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        Run.Started(time.GetUtcNow());
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Notification dispatch failed; it will run again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
