using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deregistration;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Notices;

/// <summary>One public notice as anyone sees it: the enterprise, the period, and whether it still takes objections or claims.</summary>
public static class NoticeView
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Result(
        string Number,
        string Enterprise,
        string CreditCode,
        string LegalRepresentative,
        DeregistrationRoute Route,
        string Kind,
        string Starts,
        string Ends,
        bool Open,
        string? Text,
        string? LiquidationHead,
        string? LiquidationGroup,
        int Filed);

    public sealed class Handler(PortalDbContext db, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !DeregistrationService.IsDeregistration(c.ServiceCode))
            {
                throw new NotFoundException("未找到该公告。");
            }

            var d = await db.Deregistrations.AsNoTracking().Include(x => x.Responses).SingleAsync(x => x.CaseId == c.Id, cancellationToken);
            if (d.NoticeStartsAt is null || d.NoticeEndsAt is null)
            {
                throw new NotFoundException("该办件没有公示公告。");
            }

            var legalRep = await db.Enterprises.AsNoTracking().Where(e => e.Id == d.EnterpriseId).Select(e => e.LegalRepresentative).SingleAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var open = NoticeRules.AcceptsResponses(c.State, d, now);
            return new Result(
                c.Number,
                d.EnterpriseName,
                d.CreditCode,
                legalRep,
                d.Route,
                NoticeList.KindOf(d.Route),
                DeadlineView.Format(clock.ToLocal(d.NoticeStartsAt.Value)),
                DeadlineView.Due(d.NoticeEndsAt.Value, d.NoticeStartsAt.Value, clock),
                open,
                d.Route == DeregistrationRoute.Simple ? SimpleDeregistrationRules.Commitment : d.NoticeText,
                d.LiquidationHead,
                d.LiquidationGroup,
                d.Responses.Count);
        }
    }
}
