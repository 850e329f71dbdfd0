using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Workbench;

/// <summary>
/// 容缺承诺: cases accepted with a missing non-key item (容缺受理) whose item has not been supplied yet — open or 办结 — soonest
/// commitment first; red once the committed date has passed, yellow when it falls within 2 working days.
/// Window staff see every one (any window serves any case); others see the cases their role holds now or that they
/// own (首问负责). Whoever sees a commitment may record that it was supplied (<see cref="SupplyTolerance"/>).
/// </summary>
public static class ToleranceQueue
{
    /// <summary>Yellow when the committed date is this many working days away or fewer.</summary>
    public const int WarningWorkingDays = 2;

    [RequireStaff]
    public sealed record Query : IQuery<Result>
    {
        public int Limit { get; init; } = Queue.MaxRows;
    }

    public sealed record Row(string Number, string Title, string Service, string State, string Holder, string Applicant, string? Owner, string Item, string? Due, DeadlineView Status);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            // A commitment stays until the item is supplied — also once the case is 办结 (red when late); only a case
            // that ended without a result (撤回, 不予受理, 简易注销终止) owes nothing any more.
            var owing = CaseStates.Open.Append(CaseState.Completed).ToList();
            // Every 容缺 acceptance carries its commitment date (a workflow guard), so the open commitments are one range of
            // the (ToleranceSuppliedAt, ToleranceDueAt) index, already in due order — not a scan of every case. The range
            // is written as "after the earliest date" because SQLite's planner takes an IS NOT NULL test for a scan.
            var query = db.Cases.AsNoTracking()
                .Where(c => c.ToleranceSuppliedAt == null && c.ToleranceDueAt > DateTime.MinValue && c.ToleranceItem != null && owing.Contains(c.State));
            if (!me.IsInRole(Roles.Window))
            {
                var roles = WorkbenchPeople.StaffRoles(me);
                var myId = me.Id;
                query = query.Where(c => roles.Contains(c.HolderRole) || (c.OwnerId != null && c.OwnerId == myId));
            }

            var total = await query.CountAsync(cancellationToken);
            var cases = await query
                .OrderBy(c => c.ToleranceDueAt)
                .ThenBy(c => c.Id)
                .Take(Math.Clamp(request.Limit, 1, Queue.MaxRows))
                .ToListAsync(cancellationToken);
            var rows = cases.Select(c => new Row(
                c.Number,
                c.Title,
                services.NameOf(c.ServiceCode),
                c.State.Label(),
                string.IsNullOrEmpty(c.HolderRole) ? "—" : Roles.Label(c.HolderRole),
                c.ApplicantName,
                c.OwnerName,
                c.ToleranceItem!,
                c.ToleranceDueAt is { } due ? DeadlineView.Format(clock.ToLocal(due)) : null,
                Colour(c.ToleranceDueAt, now, clock))).ToList();
            return new Result(rows, total);
        }
    }

    /// <summary>
    /// A commitment's colour: red once now is past the committed instant; yellow when the committed instant is no later
    /// than the close of office on the 2nd working day after today (holidays and make-up days of the calendar count).
    /// </summary>
    public static DeadlineView Colour(DateTime? dueUtc, DateTime nowUtc, DeadlineClock clock)
    {
        if (dueUtc is not { } due)
        {
            return new DeadlineView(DeadlineStatus.None, "未填写承诺补齐日期");
        }

        var dueText = DeadlineView.Format(clock.ToLocal(due));
        if (nowUtc > due)
        {
            return new DeadlineView(DeadlineStatus.Overdue, $"已超过承诺日期（应于{dueText}前补齐）");
        }

        var soon = clock.ToUtc(clock.Calendar.AddWorkingDays(clock.ToLocal(nowUtc), WarningWorkingDays));
        return due <= soon
            ? new DeadlineView(DeadlineStatus.Warning, $"{dueText}前补齐（{WarningWorkingDays}个工作日内到期）")
            : new DeadlineView(DeadlineStatus.OnTrack, $"{dueText}前补齐");
    }

    /// <summary>
    /// Who may record a supplied 容缺 item — the same people the list shows it to: window staff, the role holding the
    /// case now (never 申请人) and the case's 首问负责人.
    /// </summary>
    public static bool MaySupply(Case c, CurrentUser me) =>
        me.IsStaff
        && (me.IsInRole(Roles.Window)
            || (c.HolderRole != Roles.Applicant && !string.IsNullOrEmpty(c.HolderRole) && me.IsInRole(c.HolderRole))
            || (c.OwnerId is not null && c.OwnerId == me.Id));
}
