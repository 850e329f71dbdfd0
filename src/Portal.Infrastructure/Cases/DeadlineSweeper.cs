using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Notifications;

namespace Portal.Infrastructure.Cases;

/// <summary>
/// Marks cases overdue when their stored deadline passes and records it in their history; a waiting period
/// (公示期) that has ended is handed to its <see cref="IStepExpiry"/> instead. Safe with several
/// portal instances on one database: each mark is saved with the case's concurrency token, so when two
/// instances race for one case exactly one wins and the other skips it. The query reads only the
/// (IsOverdue, StepDueAt) index range of due cases, so its cost grows with due cases, not with open ones.
/// </summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeadlineSweepOptions> options, ILogger<DeadlineSweeper> logger) : BackgroundService
{
    /// <summary>When the sweep last finished without failing (read by /healthz).</summary>
    public BackgroundRun Run { get; } = new(options.Value.Enabled, options.Value.Interval);

    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // "IsOverdue = @false" rather than "NOT IsOverdue": only the former matches the (IsOverdue, StepDueAt) index on
        // SQLite (at a million open cases: 0.07 s instead of 0.5 s, bench/Portal.Benchmarks DueCaseQuery).
        var due = await db.Cases.AsNoTracking()
            .Where(c => c.IsOverdue == EF.Parameter(false) && c.StepDueAt != null && c.StepDueAt < now)
            .OrderBy(c => c.StepDueAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        var expiries = scope.ServiceProvider.GetServices<IStepExpiry>().ToList();
        var count = 0;
        foreach (var @case in due)
        {
            // One case at a time in the change tracker: a save then looks at this case's rows only (tracking the whole
            // batch made every save scan all of it — 46 s and 16 GB allocated for 1,000 due cases).
            db.ChangeTracker.Clear();
            db.Cases.Attach(@case);
            var expired = false;
            foreach (var expiry in expiries)
            {
                if (await expiry.TryExpireAsync(@case, cancellationToken))
                {
                    expired = true;
                    break;
                }
            }

            // A step that follows an ended waiting period can be late already (its limit counts from the period's end).
            var marked = @case.MarkOverdue(now);
            if (!marked && !expired)
            {
                continue;
            }

            if (marked)
            {
                foreach (var expiry in expiries)
                {
                    await expiry.OnMarkedOverdueAsync(@case, now, cancellationToken);
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                count++;
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsDuplicateNotification(ex))
            {
                // Another instance or a staff action changed this case first; its new state decides.
                db.ChangeTracker.Clear();
            }
        }

        var warned = await WarnAsync(db, now, cancellationToken);
        if (warned > 0)
        {
            logger.LogInformation("Deadline sweep marked {Count} case(s) yellow (75% of the limit used)", warned);
        }

        Run.Succeeded(time.GetUtcNow());
        return count;
    }

    /// <summary>
    /// The yellow mark: staff are told once per step when it passes 75% of its limit. One conditional UPDATE claims the
    /// step (same step still running, not yet warned) and the messages are saved in the same transaction, so with two
    /// instances exactly one sends them. The case's version does not move: nobody's open form goes stale because of it.
    /// </summary>
    private async Task<int> WarnAsync(PortalDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        // Staff are warned about their own work: not about a step the applicant holds, nor a waiting period (公示期).
        var waiting = CaseStates.WaitingPeriods.ToList();
        var due = await db.Cases.AsNoTracking()
            .Where(c => c.IsOverdue == EF.Parameter(false) && c.StepWarnAt != null && c.StepWarnAt <= now && c.StepDueAt >= now && (c.WarnedStepAt == null || c.WarnedStepAt != c.StepStartedAt))
            .Where(c => c.HolderRole != Roles.Applicant && !waiting.Contains(c.State))
            .OrderBy(c => c.StepWarnAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var @case in due.Where(c => c.WarningDue(now)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var step = @case.StepStartedAt;
            var claimed = await db.Cases
                .Where(c => c.Id == @case.Id && c.StepStartedAt == step && (c.WarnedStepAt == null || c.WarnedStepAt != c.StepStartedAt))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.WarnedStepAt, c => c.StepStartedAt), cancellationToken);
            if (claimed == 1)
            {
                await NotificationInterceptor.AddStaffAlertsAsync(db, [(@case, false)], now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                count++;
            }

            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return count;
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
                var marked = await SweepOnceAsync(stoppingToken);
                if (marked > 0)
                {
                    logger.LogInformation("Deadline sweep marked {Count} case(s) overdue", marked);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Deadline sweep failed; it will run again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
