using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Ratings;

/// <summary>One follow-up as a supervisor works it: the rating (with the rater's name and phone only when real-name, for 回访), the steps, the actions.</summary>
public static class FollowUpDetail
{
    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        public long Id { get; init; }
    }

    public sealed record Appeal(long Id, string FiledBy, string Reason, string FiledAt, bool? Upheld, string? DecidedBy, string? Decision, bool MayDecide);

    public sealed record Result(RatingFollowUp FollowUp, Rating Rating, string Service, string Unit, DeadlineView Due, IReadOnlyList<FollowUpTrigger> Actions, Appeal? AppealInfo, Func<DateTime, string> Format);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var f = await db.RatingFollowUps.AsNoTracking().Include(x => x.Rating).FirstOrDefaultAsync(x => x.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException("未找到该差评整改记录。");
            if (f.Rating.StaffId == me.Id)
            {
                // The rated staff member never learns who rated them, also when they are a supervisor.
                throw new ForbiddenException("您是被评价的工作人员，对本人的差评须由其他督查人员处理。");
            }

            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actions = me.IsInRole(Roles.Supervisor)
                ? new[] { FollowUpTrigger.RecordVisit, FollowUpTrigger.Verify, FollowUpTrigger.Rectify, FollowUpTrigger.Reopen, FollowUpTrigger.ConfirmResult }
                    .Where(t => IsOffered(f, t)).ToList()
                : [];
            var appeal = await db.RatingAppeals.AsNoTracking().FirstOrDefaultAsync(a => a.RatingId == f.RatingId, cancellationToken);
            string Format(DateTime utc) => DeadlineView.Format(clock.ToLocal(utc));
            return new Result(f, f.Rating, RatingTargets.ServiceLabel(f.Rating.ServiceCode, services), RatingScale.UnitLabel(f.Unit), FollowUpList.Due(f, now, clock), actions,
                appeal is null ? null : new Appeal(appeal.Id, appeal.FiledByName, appeal.Reason, Format(appeal.FiledAt), appeal.Upheld, appeal.DecidedByName, appeal.Decision,
                    appeal.Upheld is null && me.IsInRole(Roles.Supervisor) && me.Id != f.Rating.StaffId && me.Id != appeal.FiledById),
                Format);
        }

        /// <summary>The buttons a state offers (the state machine still decides, with its guards, when one is pressed).</summary>
        private static bool IsOffered(RatingFollowUp f, FollowUpTrigger t) => (f.State, t) switch
        {
            (FollowUpState.AwaitingVisit, FollowUpTrigger.RecordVisit) => true,
            (FollowUpState.Verifying, FollowUpTrigger.Verify or FollowUpTrigger.Rectify) => true,
            (FollowUpState.Rectifying, FollowUpTrigger.Rectify) => true,
            (FollowUpState.Reviewing, FollowUpTrigger.Reopen or FollowUpTrigger.ConfirmResult) => true,
            _ => false,
        };
    }
}
