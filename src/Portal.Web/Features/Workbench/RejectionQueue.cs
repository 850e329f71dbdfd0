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
/// 驳回待审核: rejection proposals (窗口无否决权) waiting for a supervisor, oldest proposal first, with the proposed reason.
/// Only supervisors and administrators see them.
/// </summary>
public static class RejectionQueue
{
    public static bool MaySee(CurrentUser me) => me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);

    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        public int Limit { get; init; } = Queue.MaxRows;
    }

    public sealed record Row(string Number, string Title, string Service, string Applicant, string? Reason, string? ProposedBy, string ProposedAt, DeadlineView Deadline, string Href);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total);

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            // Held by 督查 (indexed HolderRole) and in 拟不予受理.
            var query = db.Cases.AsNoTracking().Where(c => c.HolderRole == Roles.Supervisor && c.State == CaseState.RejectionProposed);
            var total = await query.CountAsync(cancellationToken);
            var found = await query
                .OrderBy(c => c.StepStartedAt)
                .ThenBy(c => c.Id)
                .Take(Math.Clamp(request.Limit, 1, Queue.MaxRows))
                .WithLastActor(nameof(CaseTrigger.ProposeRejection))
                .ToListAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            return new Result(
                found.Select(f => new Row(
                    f.Case.Number,
                    f.Case.Title,
                    services.NameOf(f.Case.ServiceCode),
                    f.Case.ApplicantName,
                    f.Case.RejectionReason,
                    f.Actor,
                    f.Case.StepStartedAt is { } at ? DeadlineView.Format(clock.ToLocal(at)) : "",
                    DeadlineView.For(f.Case, now, clock),
                    WorkbenchPeople.CaseHref(f.Case.Number, WorkbenchPeople.ActionsAnchor))).ToList(),
                total);
        }
    }
}
