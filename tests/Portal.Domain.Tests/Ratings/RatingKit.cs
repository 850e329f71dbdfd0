using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Workflow;

namespace Portal.Domain.Tests.Ratings;

/// <summary>Ratings, follow-ups and the people acting on them, for the 好差评 domain tests.</summary>
internal static class RatingKit
{
    /// <summary>The mainland calendar (2025 and 2026 holidays) in Beijing time, as the portal builds it.</summary>
    public static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    public static readonly TimeLimit Fifteen = new(15, TimeUnit.WorkingDays);

    public static readonly CaseActor Supervisor = new("sup-1", "督查甲", new HashSet<string> { Roles.Supervisor });

    public static readonly CaseActor OtherSupervisor = new("sup-2", "督查乙", new HashSet<string> { Roles.Supervisor });

    public static readonly CaseActor Clerk = new("clerk-1", "窗口王芳", new HashSet<string> { Roles.Window });

    /// <summary>A window clerk who is also a supervisor (small halls): rated as a clerk, still a supervisor.</summary>
    public static readonly CaseActor ClerkSupervisor = new("clerk-sup", "窗口兼督查", new HashSet<string> { Roles.Window, Roles.Supervisor });

    public static readonly CaseActor Applicant = new("app-1", "欧阳娜娜", new HashSet<string> { Roles.Applicant });

    public static readonly CaseActor Admin = new("admin-1", "管理员", new HashSet<string> { Roles.Admin });

    /// <summary>Wall-clock time in Beijing as UTC.</summary>
    public static DateTime ChinaUtc(int y, int m, int d, int h, int min = 0) => Clock.ToUtc(new DateTime(y, m, d, h, min, 0));

    public static Rating.Target CaseTarget(RatingSubject subject = RatingSubject.Processing, string? staffId = "clerk-1") =>
        new(subject, "QYKB-20260923-0001", null, "establishment", "Market", "A01", staffId, "窗口王芳");

    public static Rating.Target VisitTarget(long ticketId = 42, string? staffId = "clerk-1") =>
        new(RatingSubject.Visit, null, ticketId, "hall.establishment", RatingScale.HallUnit, "A01", staffId, "窗口王芳");

    public static Rating.Rater RealName(string? name = "欧阳娜娜", string? phone = "13912345678", string? userId = "app-1") => new(userId, name, phone, false);

    public static Rating.Rater Anonymous(string? name = "欧阳娜娜", string? phone = "13912345678", string? userId = "app-1") => new(userId, name, phone, true);

    /// <summary>Every indicator of the subject at one level.</summary>
    public static Dictionary<string, RatingLevel> All(RatingSubject subject, RatingLevel level) =>
        RatingScale.IndicatorsFor(subject).ToDictionary(i => i.Code, _ => level);

    public static Rating Online(RatingLevel level, string? comment = "窗口让我跑了三趟", Rating.Rater? rater = null, DateTime? at = null) =>
        Rating.Give(CaseTarget(), All(RatingSubject.Processing, level), comment, rater ?? RealName(), "code-online", at ?? ChinaUtc(2026, 9, 23, 10));

    public static Rating Visit(RatingLevel level, string? comment = "态度很差", Rating.Rater? rater = null, long ticketId = 42, string? staffId = "clerk-1") =>
        Rating.Give(VisitTarget(ticketId, staffId), All(RatingSubject.Visit, level), comment, rater ?? RealName(), "code-visit", ChinaUtc(2026, 9, 23, 10));

    /// <summary>A 差评's follow-up opened on Wednesday 23 September 2026, 10:00 (before 中秋 and 国庆).</summary>
    public static RatingFollowUp OpenFollowUp(bool anonymous = false)
    {
        var rating = Online(RatingLevel.VeryDissatisfied, rater: anonymous ? Anonymous() : RealName());
        return RatingFollowUp.Open(rating, Clock, Fifteen, rating.CreatedAt);
    }

    public static void Fire(this RatingFollowUp f, FollowUpTrigger trigger, CaseActor actor, DateTime now, RatingFollowUp.Args? args = null, bool isRater = false) =>
        f.Machine(actor, isRater, now, args ?? new RatingFollowUp.Args()).Fire(trigger);

    /// <summary>Fires and returns the refusal (the unmet guards, or the message when no transition exists).</summary>
    public static InvalidTransitionException Refused(this RatingFollowUp f, FollowUpTrigger trigger, CaseActor actor, DateTime now, RatingFollowUp.Args? args = null, bool isRater = false)
    {
        var state = f.State;
        var ex = Assert.Throws<InvalidTransitionException>(() => f.Fire(trigger, actor, now, args, isRater));
        Assert.Equal(state, f.State);
        return ex;
    }
}
