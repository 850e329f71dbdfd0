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

/// <summary>A rating and its follow-up as its rater sees them (opened with the rating's access code).</summary>
public static class RatingView
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public string Code { get; init; } = "";
    }

    /// <summary>An upheld appeal: the finding the rater is told, the supervisor's reason and when.</summary>
    public sealed record AppealOutcome(string Finding, string Reason, string At);

    public sealed record Result(
        string Title,
        string Subject,
        string Service,
        string Unit,
        string Level,
        string Stars,
        IReadOnlyList<(string Label, string Level)> Scores,
        string? Comment,
        bool Anonymous,
        string At,
        FollowUpState? State,
        string? StateLabel,
        string? Due,
        string? Finding,
        string? Reply,
        string? ResultAt,
        string? RaterSatisfaction,
        bool MayRespond,
        bool MayRequestReview,
        AppealOutcome? Appeal,
        string Code);

    /// <summary>What the rater is told when the rated staff's appeal is upheld (申诉成立).</summary>
    public const string AppealUpheldFinding = "经督查人员复核，被评价方的申诉成立：本条评价不计入满意率等统计数字，差评处理随之结束；您的评价本身保留不变。";

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var r = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(x => x.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该评价。");
            var f = await db.RatingFollowUps.AsNoTracking().FirstOrDefaultAsync(x => x.RatingId == r.Id, cancellationToken);
            var upheld = await db.RatingAppeals.AsNoTracking().Where(a => a.RatingId == r.Id && a.Upheld == true).FirstOrDefaultAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            string Format(DateTime utc) => DeadlineView.Format(clock.ToLocal(utc));
            var (title, service, place) = RatingTargets.Describe(r, services);
            return new Result(
                title,
                r.Subject.Label(),
                service,
                place,
                r.Level.Label(),
                r.Level.Stars(),
                r.ScoreList().Select(s => (s.Indicator.Label, s.Level.Label())).ToList(),
                r.Comment,
                r.Anonymous,
                Format(r.CreatedAt),
                f?.State,
                f is null ? null : f.State == FollowUpState.Closed && upheld is not null ? "已办结（申诉成立）" : RatingFollowUp.Label(f.State),
                f is null ? null : Format(f.DueAt),
                f?.Finding is { } finding ? RatingFollowUp.Label(finding) : null,
                f?.Result,
                f?.ResultAt is { } at ? Format(at) : null,
                f?.RaterSatisfaction is { } s ? RatingFollowUp.Label(s) : null,
                f?.State == FollowUpState.AwaitingRater,
                f is { State: FollowUpState.AwaitingRater, ReviewRequested: false },
                upheld is null ? null : new AppealOutcome(AppealUpheldFinding, upheld.Decision ?? "", upheld.DecidedAt is { } decided ? Format(decided) : ""),
                r.AccessCode);
        }
    }
}
