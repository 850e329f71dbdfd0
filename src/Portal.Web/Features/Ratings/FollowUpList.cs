using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Ratings;

/// <summary>The 差评 follow-ups for supervisors: open ones first by due time (red when late), then closed ones.</summary>
public static class FollowUpList
{
    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        public bool IncludeClosed { get; init; }
    }

    public sealed record Row(long Id, string Service, string Unit, string Level, string Subject, string State, DeadlineView Due, string At, bool RealName);

    public sealed record Result(IReadOnlyList<Row> Rows);

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var query = db.RatingFollowUps.AsNoTracking().Include(f => f.Rating).AsQueryable();
            if (!request.IncludeClosed)
            {
                query = query.Where(f => f.State != FollowUpState.Closed);
            }

            var rows = await query.OrderBy(f => f.State == FollowUpState.Closed).ThenBy(f => f.DueAt).Take(300).ToListAsync(cancellationToken);
            return new Result(rows.Select(f => new Row(
                f.Id,
                RatingTargets.ServiceLabel(f.Rating.ServiceCode, services),
                RatingScale.UnitLabel(f.Unit),
                f.Rating.Level.Label(),
                f.Rating.Subject.Label(),
                RatingFollowUp.Label(f.State),
                Due(f, now, clock),
                DeadlineView.Format(clock.ToLocal(f.Rating.CreatedAt)),
                !f.Rating.Anonymous)).ToList());
        }
    }

    /// <summary>
    /// The follow-up's deadline as the workbench shows it: green, yellow when 75% of the time is used, red when late;
    /// once the result went back it is shown as met (or late, if it was).
    /// </summary>
    public static DeadlineView Due(RatingFollowUp f, DateTime now, Domain.Calendar.DeadlineClock clock)
    {
        return DeadlineView.ForTrack(f.DueAt, f.AwaitsResult ? now : f.ResultAt ?? f.ClosedAt ?? now, clock);
    }
}
