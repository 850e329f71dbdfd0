using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
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

/// <summary>
/// Ratings of my work, for staff: the ratings of steps I did and visits I served (and, for reviewers, of my
/// department's services), with everything except who rated; each 差评 can be appealed once. A window clerk sees only
/// their own (not another window's); supervisors and administrators, who oversee every unit, see all.
/// </summary>
public static class StaffRatings
{
    [RequireStaff]
    public sealed record Query : IQuery<Result>;

    public sealed record Row(long Id, string Subject, string Service, string Level, string Stars, string? Comment, string At, string? Staff, bool Mine, string? Appeal, bool MayAppeal);

    /// <param name="All">Every rating is shown (supervisors and administrators).</param>
    public sealed record Result(IReadOnlyList<Row> Rows, bool All = false);

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var all = me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);
            var units = me.Roles.Select(Roles.DepartmentOf).OfType<Department>().Select(d => d.ToString()).ToList();
            var ratings = db.Ratings.AsNoTracking();
            if (!all)
            {
                ratings = ratings.Where(r => r.StaffId == me.Id || units.Contains(r.Unit));
            }

            var rows = await ratings
                .OrderByDescending(r => r.CreatedAt)
                .Take(200)
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            var appeals = await db.RatingAppeals.AsNoTracking().Where(a => ids.Contains(a.RatingId)).ToDictionaryAsync(a => a.RatingId, cancellationToken);
            return new Result(rows.Select(r => new Row(
                r.Id,
                $"{r.Subject.Label()} · {RatingScale.PlaceLabel(r.Unit, r.WindowNumber)}",
                RatingTargets.Describe(r, services).Service,
                r.Level.Label(),
                r.Level.Stars(),
                r.Comment,
                DeadlineView.Format(clock.ToLocal(r.CreatedAt)),
                r.StaffName,
                r.StaffId == me.Id,
                appeals.TryGetValue(r.Id, out var a) ? a.Upheld switch { true => "申诉成立（不计入统计）", false => "申诉不成立", _ => "申诉待决定" } : null,
                FileAppeal.MayAppeal(r, me))).ToList(), all);
        }
    }
}

/// <summary>
/// 一事一评 on the case page: for its applicant, each step that can be rated now, or the rating already given. A 报装
/// application (parent case) offers each utility's steps instead (each utility is rated under its own unit).
/// </summary>
public static class CaseRatingLinks
{
    [RequireRoles]
    public sealed record Query : IQuery<IReadOnlyList<Link>>
    {
        public string Number { get; init; } = "";
    }

    public sealed record Link(RatingSubject Subject, string Text, string Href, bool Rated);

    public sealed class Handler(PortalDbContext db, CurrentUser me, CaseReads reads) : IRequestHandler<Query, IReadOnlyList<Link>>
    {
        public async Task<IReadOnlyList<Link>> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await reads.ByNumberAsync(request.Number, cancellationToken);
            return c is null || c.ApplicantId != me.Id ? [] : await LinksAsync(db, me, c, null, cancellationToken);
        }
    }

    private static readonly RatingSubject[] Steps = [RatingSubject.Acceptance, RatingSubject.Processing];

    /// <summary>The links of one applicant's case (of every step, or of <paramref name="only"/>).</summary>
    public static async Task<IReadOnlyList<Link>> LinksAsync(PortalDbContext db, CurrentUser me, Case c, RatingSubject? only, CancellationToken cancellationToken)
    {
        var subjects = Steps.Where(s => only is null || s == only).ToList();
        if (ConnectionService.IsParent(c.ServiceCode))
        {
            return await UtilityLinksAsync(db, me, c, subjects, cancellationToken);
        }

        var given = await db.Ratings.AsNoTracking().Where(r => r.CaseNumber == c.Number).Select(r => new { r.Subject, r.AccessCode, r.RaterId }).ToListAsync(cancellationToken);
        var links = new List<Link>();
        foreach (var subject in subjects)
        {
            var rating = given.FirstOrDefault(g => g.Subject == subject)
                ?? (await RatingTargets.EarlierApplicationRatingAsync(db, c, subject, cancellationToken) is { } earlier ? new { earlier.Subject, earlier.AccessCode, earlier.RaterId } : null);
            if (rating is not null)
            {
                links.Add(new Link(subject, $"{subject.Label()}环节已评价", rating.RaterId == me.Id ? $"/Ratings/View/{rating.AccessCode}" : "", true));
            }
            else if (RatingTargets.CaseRefusal(c, subject) is null)
            {
                links.Add(new Link(subject, $"评价{subject.Label()}环节", $"/Ratings/Case/{c.Number}/{subject}", false));
            }
        }

        return links;
    }

    /// <summary>The steps of each utility of a 报装 application (in the order of the utilities), rated on the utility's own case.</summary>
    private static async Task<IReadOnlyList<Link>> UtilityLinksAsync(PortalDbContext db, CurrentUser me, Case parent, IReadOnlyList<RatingSubject> subjects, CancellationToken cancellationToken)
    {
        var parts = await db.UtilityRequests.AsNoTracking()
            .Where(r => r.Application.CaseId == parent.Id)
            .Join(db.Cases.AsNoTracking(), r => r.CaseId, x => x.Id, (r, x) => new { r.Utility, Case = x })
            .ToListAsync(cancellationToken);
        var numbers = parts.Select(p => p.Case.Number).Append(parent.Number).ToList();
        var given = await db.Ratings.AsNoTracking().Where(r => r.CaseNumber != null && numbers.Contains(r.CaseNumber))
            .Select(r => new { r.CaseNumber, r.Subject, r.AccessCode, r.RaterId }).ToListAsync(cancellationToken);
        var links = new List<Link>();
        foreach (var subject in subjects)
        {
            // Rated as a whole before each utility was rated on its own: that one rating stands for the step (一事一评).
            if (given.FirstOrDefault(g => g.CaseNumber == parent.Number && g.Subject == subject) is { } whole)
            {
                links.Add(new Link(subject, $"{subject.Label()}环节已评价", whole.RaterId == me.Id ? $"/Ratings/View/{whole.AccessCode}" : "", true));
                continue;
            }

            foreach (var part in parts.OrderBy(p => p.Utility))
            {
                var utility = part.Utility.Label();
                if (given.FirstOrDefault(g => g.CaseNumber == part.Case.Number && g.Subject == subject) is { } rating)
                {
                    links.Add(new Link(subject, $"{utility}{subject.Label()}环节已评价", rating.RaterId == me.Id ? $"/Ratings/View/{rating.AccessCode}" : "", true));
                }
                else if (RatingTargets.CaseRefusal(part.Case, subject) is null)
                {
                    links.Add(new Link(subject, $"评价{utility}{subject.Label()}环节", $"/Ratings/Case/{part.Case.Number}/{subject}", false));
                }
            }
        }

        return links;
    }
}

/// <summary>
/// The rating form of a case step as its applicant opens it: open; rated already (with the rating); not yet, saying
/// when it can be rated; or — for a 报装 application — rated per utility (with each utility's link). Someone else's
/// case is not found.
/// </summary>
public static class CaseRatingForm
{
    [RequireRoles]
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";

        public RatingSubject Subject { get; init; }
    }

    /// <param name="Given">The rating already given for the step.</param>
    /// <param name="NotYet">Why the step cannot be rated now, and when it can.</param>
    /// <param name="Parts">For a 报装 application: each utility's link for this step.</param>
    public sealed record Result(CaseRatingLinks.Link? Given, string? NotYet, IReadOnlyList<CaseRatingLinks.Link> Parts)
    {
        public bool Open => Given is null && NotYet is null;
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || c.ApplicantId != me.Id || request.Subject == RatingSubject.Visit)
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。只有申请人本人可以评价。");
            }

            var links = await CaseRatingLinks.LinksAsync(db, me, c, request.Subject, cancellationToken);
            if (ConnectionService.IsParent(c.ServiceCode))
            {
                var key = Rating.KeyFor(c.Number, request.Subject);
                var whole = await db.Ratings.AsNoTracking().Where(r => r.SubjectKey == key).Select(r => new { r.AccessCode, r.RaterId }).FirstOrDefaultAsync(cancellationToken);
                return whole is not null
                    ? new Result(new CaseRatingLinks.Link(request.Subject, $"{request.Subject.Label()}环节已评价", whole.RaterId == me.Id ? $"/Ratings/View/{whole.AccessCode}" : "", true), null, [])
                    : new Result(null, RatingTargets.ConnectionParentRefusal, links);
            }

            if (links.FirstOrDefault(l => l.Rated) is { } rated)
            {
                return new Result(rated, null, []);
            }

            return RatingTargets.CaseRefusal(c, request.Subject) is { } refusal
                ? new Result(null, $"{refusal}当前办件状态：{c.State.Label()}。", [])
                : new Result(null, null, []);
        }
    }
}
