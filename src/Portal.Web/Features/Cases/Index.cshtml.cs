using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Cases;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<MyCases.Row> Rows { get; private set; } = [];

    public IReadOnlyList<MyDrafts.Row> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await mediator.Send(new MyCases.Query(), cancellationToken);
        Drafts = await mediator.Send(new MyDrafts.Query(), cancellationToken);
    }
}

/// <summary>
/// 我的办件's drafts: applications the signed-in person saved but has not submitted yet (not cases: no number, no
/// deadline), each with the way back to its form. Today 企业开办 is the form with drafts.
/// </summary>
public static class MyDrafts
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Service, string Title, string Saved, string Href);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar)
        : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var myId = me.Id ?? throw new NotSignedInException();
            var clock = await calendar.GetClockAsync(cancellationToken);
            var drafts = await db.EstablishmentApplications.AsNoTracking()
                .Where(a => a.ApplicantId == myId && a.FiledById == myId && a.Status == ApplicationStatus.Draft)
                .OrderByDescending(a => a.UpdatedAt)
                .Select(a => new { a.ProposedName, a.UpdatedAt, a.CreatedAt })
                .ToListAsync(cancellationToken);
            return drafts.Select(d => new Row(
                services.NameOf(EstablishmentService.Code),
                string.IsNullOrWhiteSpace(d.ProposedName) ? "（尚未填写企业名称）" : $"{d.ProposedName} 设立登记",
                clock.Format(d.UpdatedAt > d.CreatedAt ? d.UpdatedAt : d.CreatedAt),
                "/Establishment/Apply")).ToList();
        }
    }
}

/// <summary>我的办件: the signed-in applicant's own cases, newest first.</summary>
public static class MyCases
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Number, string Title, string Service, string State, DeadlineView Deadline, string Submitted);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time)
        : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var cases = await db.Cases.AsNoTracking()
                .Where(c => c.ApplicantId == me.Id)
                .OrderByDescending(c => c.CreatedAt)
                .Take(200)
                .ToListAsync(cancellationToken);
            return cases.Select(c => new Row(
                c.Number, c.Title, services.NameOf(c.ServiceCode), c.State.Label(),
                DeadlineView.For(c, now, clock), DeadlineView.Format(clock.ToLocal(c.CreatedAt)))).ToList();
        }
    }
}
