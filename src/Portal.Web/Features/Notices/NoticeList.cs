using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Notices;

/// <summary>公示公告: every enterprise in a 简易注销 notice period or a 债权人公告's claims period, for anyone.</summary>
public static class NoticeList
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>;

    public sealed record Row(string Number, string Enterprise, string CreditCode, string Kind, string Starts, string Ends, string Left);

    public sealed record Result(IReadOnlyList<Row> Rows);

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var rows = await (
                from d in db.Deregistrations.AsNoTracking()
                join c in db.Cases.AsNoTracking() on d.CaseId equals c.Id
                where (c.State == CaseState.NoticePeriod || c.State == CaseState.ClaimsPeriod) && d.NoticeEndsAt != null
                orderby d.NoticeEndsAt
                select new { c.Number, d.EnterpriseName, d.CreditCode, d.Route, d.NoticeStartsAt, d.NoticeEndsAt, c.StepLimitText })
                .ToListAsync(cancellationToken);
            return new Result(rows.Select(r => new Row(
                r.Number,
                r.EnterpriseName,
                r.CreditCode,
                KindOf(r.Route),
                DeadlineView.Format(clock.ToLocal(r.NoticeStartsAt!.Value)),
                DeadlineView.Due(r.NoticeEndsAt!.Value, r.NoticeStartsAt.Value, clock),
                now > r.NoticeEndsAt ? "已届满" : DeadlineView.Remaining(now, r.NoticeEndsAt.Value, r.StepLimitText, clock))).ToList());
        }
    }

    public static string KindOf(DeregistrationRoute route) => route == DeregistrationRoute.Simple ? "简易注销公告" : "清算组债权人公告";
}
