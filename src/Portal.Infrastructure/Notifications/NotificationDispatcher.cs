using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Health;

namespace Portal.Infrastructure.Notifications;

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
