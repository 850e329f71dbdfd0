using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Cases;

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
