using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Workbench;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    public Queue.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new Queue.Query { Service = Service }, cancellationToken);
}

/// <summary>
/// The staff workbench: every open case held by one of the signed-in person's roles, across services, sorted
/// by time left (the stored deadline), green / yellow (75% of the limit used) / red (overdue).
/// </summary>
public static class Queue
{
    [RequireStaff]
    public sealed record Query : IQuery<Result>
    {
        public string? Service { get; init; }

        public int Limit { get; init; } = 200;
    }

    public sealed record Row(string Number, string Title, string Service, string State, string Holder, string Applicant, DeadlineView Deadline, string Submitted);

    /// <summary>A cancellation shared with one of my departments, waiting for its confirmation.</summary>
    public sealed record ShareRow(string Number, string Enterprise, string Department, string Shared);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, IReadOnlyList<(string Code, string Name)> Services, IReadOnlyList<string> RoleLabels, IReadOnlyList<ShareRow> Shares);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var roles = me.Roles.Where(r => r != Roles.Applicant).ToList();
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            // Cases held by one of my roles, and cases with an open parallel track held by one of my roles.
            var query = db.Cases.AsNoTracking().Where(c =>
                roles.Contains(c.HolderRole)
                || c.SubItems.Any(s => roles.Contains(s.HolderRole) && (s.State == SubItemState.Waiting || s.State == SubItemState.InProgress)));
            if (!string.IsNullOrEmpty(request.Service))
            {
                query = query.Where(c => c.ServiceCode == request.Service);
            }

            var total = await query.CountAsync(cancellationToken);
            var cases = await query
                .Include(c => c.SubItems)
                .OrderBy(c => c.StepDueAt == null)
                .ThenBy(c => c.StepDueAt)
                .ThenBy(c => c.Id)
                .Take(request.Limit)
                .ToListAsync(cancellationToken);
            var rows = cases.Select(c => new Row(
                c.Number,
                c.Title,
                services.NameOf(c.ServiceCode),
                MyTracks(c, roles) is { Length: > 0 } mine ? $"{c.State.Label()}（{mine}）" : c.State.Label(),
                Roles.Label(c.HolderRole),
                c.ApplicantName,
                DeadlineView.For(c, now, clock),
                DeadlineView.Format(clock.ToLocal(c.CreatedAt)))).ToList();
            var departments = roles.Select(Roles.DepartmentOf).OfType<Department>().ToList();
            var shares = departments.Count == 0 ? [] : await db.CancellationShares.AsNoTracking()
                .Where(s => s.ConfirmedAt == null && departments.Contains(s.Department))
                .OrderBy(s => s.SharedAt)
                .Select(s => new { s.Application.CaseNumber, s.Application.EnterpriseName, s.Department, s.SharedAt })
                .Take(request.Limit)
                .ToListAsync(cancellationToken);
            return new Result(rows, total, services.All.Select(s => (s.Code, s.Name)).ToList(), roles.Select(Roles.Label).ToList(),
                shares.Select(s => new ShareRow(s.CaseNumber, s.EnterpriseName, s.Department.Label(), DeadlineView.Format(clock.ToLocal(s.SharedAt)))).ToList());
        }

        private static string MyTracks(Case c, List<string> roles) =>
            string.Join("、", c.SubItems.Where(s => roles.Contains(s.HolderRole) && s.IsOpen).Select(s => $"{s.Label}{SubItemWorkflow.Label(s.State)}"));
    }
}
