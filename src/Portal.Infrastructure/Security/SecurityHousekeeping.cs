using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Security;

/// <summary>
/// Removes audit entries older than the retention (never younger than 180 days: the options refuse less, and the
/// database's trigger refuses to delete younger ones) and sessions whose idle or absolute limit has passed. Both are
/// bulk deletes bounded by time only, so two portal instances running it at once do no harm.
/// </summary>
public sealed class SecurityHousekeeping(IServiceScopeFactory scopes, TimeProvider time, IOptions<AuditOptions> options, ILogger<SecurityHousekeeping> logger)
    : BackgroundService
{
    public async Task<(int AuditEntries, int Sessions)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var retention = Math.Max(options.Value.RetentionDays, ProviderSql.AuditRetentionFloorDays);
        var cutoff = now.AddDays(-retention);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entries = await db.SecurityEvents.Where(e => e.OccurredAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.Sessions.Where(s => s.ExpiresAt < now || s.AbsoluteExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        return (entries, sessions);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CleanupEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (entries, sessions) = await RunOnceAsync(stoppingToken);
                if (entries + sessions > 0)
                {
                    logger.LogInformation("安全清理：删除超过保存期限的审计记录 {Entries} 条，过期会话 {Sessions} 个。", entries, sessions);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "安全清理失败，将在下次运行时重试。");
            }

            try
            {
                await Task.Delay(options.Value.CleanupInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
