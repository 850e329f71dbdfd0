using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Calendar;

/// <summary>
/// After the administrator enters or changes holiday days, every open step whose stored deadline depends on a changed
/// day is counted again with the new calendar (issue 15, ADR 0012). A change of the calendar writes, in its own
/// transaction, the first changed date as a pending mark (<see cref="PendingSetting"/>); this command, sent right after
/// it, counts again every open step due on or after that date, each through <see cref="Case.Reschedule"/> (a history
/// note with the old and the new deadline and why; the holder and the applicant hear of it through the notification
/// outbox), and clears the mark. Each case is saved with its concurrency token: with two instances racing, or staff
/// acting on the case meanwhile, a case is counted again once. Running it again changes nothing.
/// </summary>
public static class RecomputeDeadlines
{
    public const string PendingSetting = "calendar.recompute-from";

    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Result>;

    /// <param name="Changed">Steps whose deadline moved.</param>
    /// <param name="Cases">The numbers of the cases whose deadline moved.</param>
    public sealed record Result(int Changed, IReadOnlyList<string> Cases);

    /// <summary>Records, in the calendar change's transaction, that deadlines from <paramref name="date"/> on must be counted again.</summary>
    public static async Task MarkPendingAsync(PortalDbContext db, DateOnly date, CancellationToken cancellationToken)
    {
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pending = await db.Settings.FirstOrDefaultAsync(s => s.Key == PendingSetting, cancellationToken);
        if (pending is null)
        {
            db.Settings.Add(new PortalSetting { Key = PendingSetting, Value = text });
        }
        else if (string.CompareOrdinal(text, pending.Value) < 0)
        {
            pending.Value = text;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public static Task<string?> PendingAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Settings.AsNoTracking().Where(s => s.Key == PendingSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

    public sealed class Handler(PortalDbContext db, CaseContexts contexts, CalendarService calendar, ILogger<Handler> logger) : IRequestHandler<Command, Result>
    {
        private const int Attempts = 3;

        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var pending = await PendingAsync(db, cancellationToken);
            if (pending is null || !DateOnly.TryParseExact(pending, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                return new Result(0, []);
            }

            var clock = await calendar.GetClockAsync(cancellationToken);
            var fromUtc = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            var ids = await db.Cases.AsNoTracking()
                .Where(c => c.ClosedAt == null && ((c.StepDueAt != null && c.StepDueAt >= fromUtc) || c.PausedAt != null))
                .OrderBy(c => c.Id)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken);
            var changed = new List<string>();
            foreach (var id in ids)
            {
                if (await RescheduleAsync(id, cancellationToken) is { } number)
                {
                    changed.Add(number);
                }
            }

            // Cleared only if no newer change came in meanwhile (its own recomputation then clears it).
            await db.Settings.Where(s => s.Key == PendingSetting && s.Value == pending).ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Holiday change: {Count} stored deadline(s) counted again from {From}", changed.Count, pending);
            return new Result(changed.Count, changed);
        }

        /// <summary>One case, saved on its own; a conflict reloads it and counts again (the replay is idempotent).</summary>
        private async Task<string?> RescheduleAsync(long id, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var c = await db.Cases.Include(x => x.History).Include(x => x.SubItems).AsSplitQuery()
                    .SingleAsync(x => x.Id == id, cancellationToken);
                if (c.State.IsFinal())
                {
                    return null;
                }

                var context = await contexts.ForCaseAsync(c, cancellationToken);
                if (c.Reschedule(context, Case.CalendarChangeReason) is not { } change)
                {
                    return null;
                }

                // A 公示期 or 债权申报期 is the step: the public notice ends with it.
                if (change.NewDueUtc is { } end && c.State is CaseState.NoticePeriod or CaseState.ClaimsPeriod
                    && context.Flow is DeregistrationFlow { Application: { NoticeStartsAt: { } start } application })
                {
                    application.OpenNotice(start, end, application.NoticeText);
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return c.Number;
                }
                catch (DbUpdateException ex) when (attempt < Attempts && (ex is DbUpdateConcurrencyException || DbErrors.IsDuplicateNotification(ex)))
                {
                    // Someone else (another instance, or staff acting on the case) saved it first: count again from what they saved.
                }
            }
        }
    }
}
