using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Workbench;

/// <summary>
/// 补正待申请人: cases paused for a supplement (一次性告知) that one of my roles asked for, longest waiting first, with
/// the requested items. "My role asked for it" means: my role held the step the case was paused in
/// (<see cref="CaseWorkflow.HolderOf(CaseState, ServiceDefinition)"/> of <see cref="Case.PausedState"/>) — the role
/// the case returns to when the applicant supplies the items, so the one that follows it up. It is decided on the
/// stored columns, without reading the history.
/// </summary>
public static class SupplementQueue
{
    [RequireStaff]
    public sealed record Query : IQuery<Result>
    {
        public int Limit { get; init; } = Queue.MaxRows;
    }

    public sealed record Row(
        string Number,
        string Title,
        string Service,
        string Applicant,
        string? Items,
        string Since,
        string Waited,
        int WaitedOfficeMinutes,
        int WaitedDays,
        string ReturnsTo,
        string? RequestedBy,
        string Remaining);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total)
    {
        /// <summary>More than <see cref="Queue.CountLimit"/> cases wait: <see cref="Total"/> is the limit ("1000+").</summary>
        public bool TotalIsAtLeast { get; init; }

        public string TotalText => Queue.CountText(Total, TotalIsAtLeast);
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var roles = WorkbenchPeople.StaffRoles(me);

            // The shared workflow pauses only from 待受理 and 办理中 (services with their own steps ask for 补正 only
            // before 受理). Per service, whether my role holds each of those two steps.
            var atAcceptance = services.All.Where(s => roles.Contains(CaseWorkflow.HolderOf(CaseState.Submitted, s))).Select(s => s.Code).ToList();
            var inProcess = services.All.Where(s => roles.Contains(CaseWorkflow.HolderOf(CaseState.InProgress, s))).Select(s => s.Code).ToList();
            if (atAcceptance.Count == 0 && inProcess.Count == 0)
            {
                return new Result([], 0);
            }

            // A paused case is held by the applicant; each of the two paused steps is one range of the index
            // (HolderRole, State, PausedState, PausedAt, ServiceCode), read in waiting order, and counted no further than
            // Queue.CountLimit — not every paused case of the hall on every request (docs/decisions/0020-work-queue.md).
            var branches = new List<IQueryable<Case>>();
            if (atAcceptance.Count > 0)
            {
                branches.Add(Paused(CaseState.Submitted, atAcceptance));
            }

            if (inProcess.Count > 0)
            {
                branches.Add(Paused(CaseState.InProgress, inProcess));
            }

            var total = 0;
            var limit = Math.Clamp(request.Limit, 1, Queue.MaxRows);
            var found = new List<WorkbenchPeople.CaseWithActor>();
            foreach (var branch in branches)
            {
                total += await branch.Take(Queue.CountLimit + 1).CountAsync(cancellationToken);
                found.AddRange(await branch
                    .OrderBy(c => c.PausedAt)
                    .ThenBy(c => c.Id)
                    .Take(limit)
                    .WithLastActor(nameof(CaseTrigger.RequestSupplement))
                    .ToListAsync(cancellationToken));
            }

            found = found.OrderBy(f => f.Case.PausedAt).ThenBy(f => f.Case.Id).Take(limit).ToList();
            var atLeast = total > Queue.CountLimit;
            total = Math.Min(total, Queue.CountLimit);

            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var rows = found.Select(f =>
            {
                var c = f.Case;
                var paused = c.PausedAt ?? c.StepStartedAt ?? now;
                var minutes = Math.Max(0, clock.OfficeMinutesBetween(paused, now));
                var days = clock.Calendar.WorkingDaysBetween(clock.LocalDate(paused), clock.LocalDate(now));
                var service = services.Get(c.ServiceCode);
                return new Row(
                    c.Number,
                    c.Title,
                    service.Name,
                    c.ApplicantName,
                    c.SupplementItems,
                    DeadlineView.Format(clock.ToLocal(paused)),
                    days > 0 ? $"{days}个工作日" : $"{DeadlineView.Duration(minutes, clock)}（工作时间）",
                    minutes,
                    days,
                    Roles.Label(CaseWorkflow.HolderOf(c.PausedState ?? CaseState.Submitted, service)),
                    f.Actor,
                    $"补正后剩余{DeadlineView.Duration(c.PausedRemainingMinutes, clock)}");
            }).ToList();
            return new Result(rows, total) { TotalIsAtLeast = atLeast };
        }

        private IQueryable<Case> Paused(CaseState step, List<string> services) =>
            db.Cases.AsNoTracking().Where(c =>
                c.HolderRole == Roles.Applicant && c.State == CaseState.AwaitingSupplement && c.PausedState == step && services.Contains(c.ServiceCode));
    }
}
