using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Features.Cases;

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
