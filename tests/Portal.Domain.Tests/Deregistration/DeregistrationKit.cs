using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Tests.Deregistration;

/// <summary>
/// What the 注销 tests share: the China calendar in Asia/Shanghai, the 枣庄 promises, the three 注销 services and
/// the people who act on a case. Each context carries <see cref="DeregistrationFlow"/> over the given application.
/// </summary>
internal static class DeregistrationKit
{
    public static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    public static readonly ServiceDefinition SimpleService =
        new("deregistration-simple", "简易注销", Department.Market, PromiseKeys.SimpleDeregistrationCancel, "JYZX");

    public static readonly ServiceDefinition OrdinaryService =
        new("deregistration-ordinary", "普通注销", Department.Market, PromiseKeys.OrdinaryRegister, "PTZX");

    public static readonly ServiceDefinition AuthorityService =
        new("deregistration-authority", "依职权注销（代位注销、除名）", Department.Market, PromiseKeys.OrdinaryRegister, "YZZX");

    public static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    public static readonly CaseActor OtherApplicant = new("applicant-2", "李华", new HashSet<string> { Roles.Applicant });
    public static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    public static readonly CaseActor Market = new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() });
    public static readonly CaseActor Tax = new("tax-1", "税务审批员", new HashSet<string> { Department.Tax.ReviewerRole() });
    public static readonly CaseActor Supervisor = new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor });

    public const string CreditCode = "91370402MA3C000001";
    public const string EnterpriseName = "枣庄测试商贸有限公司";

    /// <summary>A local wall-clock time in China (UTC+8, no daylight saving) as the UTC instant the case stores.</summary>
    public static DateTime China(int year, int month, int day, int hour = 0, int minute = 0) =>
        DateTime.SpecifyKind(new DateTime(year, month, day, hour, minute, 0) - TimeSpan.FromHours(8), DateTimeKind.Utc);

    public static TimeLimit? Limits(string key) => PolicyProfiles.Zaozhuang.Find(key)?.Limit;

    public static ServiceDefinition ServiceFor(DeregistrationApplication application) => application.Route switch
    {
        DeregistrationRoute.Simple => SimpleService,
        DeregistrationRoute.Ordinary => OrdinaryService,
        _ => AuthorityService,
    };

    public static CaseActionContext At(CaseActor actor, DateTime nowUtc, DeregistrationApplication application) =>
        new(actor, nowUtc, Clock, Limits, ServiceFor(application)) { Flow = new DeregistrationFlow(application) };

    public static CaseActionArgs Because(string reason) => new() { Reason = reason };

    public static DeregistrationApplication SimpleApplication(DateTime nowUtc) =>
        DeregistrationApplication.Simple(
            1, CreditCode, EnterpriseName, SimpleDeregistrationRules.Conditions.Select(c => c.Code), "张明", nowUtc);

    public static DeregistrationApplication OrdinaryApplication(DateTime groupFormedAtUtc, DateTime nowUtc) =>
        DeregistrationApplication.Ordinary(1, CreditCode, EnterpriseName, "股东会决议解散", "张明", "张明、李华、王强", groupFormedAtUtc, nowUtc);

    public static Case Submit(DeregistrationApplication application, DateTime nowUtc, CaseActor? filedBy = null)
    {
        var c = Case.Submit(
            "JYZX-20260101-000001",
            $"{EnterpriseName}{application.Route.Label()}",
            (Applicant.UserId, Applicant.Name),
            Channel.Online,
            At(filedBy ?? Applicant, nowUtc, application),
            CreditCode);
        application.AttachTo(1, c.Number);
        return c;
    }

    /// <summary>Submits and has the window accept; for a notice period, opens the notice as the web layer's lifecycle hook does.</summary>
    public static Case Accepted(DeregistrationApplication application, DateTime acceptedAtUtc)
    {
        var c = Submit(application, acceptedAtUtc);
        c.Fire(CaseTrigger.Accept, At(Window, acceptedAtUtc, application));
        OpenNoticeIfAny(c, application);
        return c;
    }

    /// <summary>What DeregistrationLifecycle does on entering 公示期 or 债权申报期: the step's start and stored deadline become the notice.</summary>
    public static void OpenNoticeIfAny(Case c, DeregistrationApplication application)
    {
        if (c.State is CaseState.NoticePeriod or CaseState.ClaimsPeriod)
        {
            application.OpenNotice(c.StepStartedAt!.Value, c.StepDueAt!.Value, null);
        }
    }

    public static NoticeResponse Objection(DeregistrationApplication application, DateTime nowUtc) =>
        new(application, NoticeResponseKind.Objection, "刘债权", "13812345678", "本公司对该企业尚有未结清货款", null, "objection-key-0001", nowUtc);
}
