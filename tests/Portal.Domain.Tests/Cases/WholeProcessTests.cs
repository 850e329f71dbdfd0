using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Tests.Cases;

/// <summary>
/// 全流程 (issue 15): where a place promises a limit for the whole process — 企业开办 "全流程…最长4个小时" (003:9),
/// "全流程网办、0.5个工作日办结" (002:9) — the clock starts at submission, 受理 is inside the limit, and 办理 carries
/// on the same clock instead of a fresh limit after a separate acceptance day.
/// </summary>
public sealed class WholeProcessTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());
    private static readonly ServiceDefinition Service = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");
    private static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });

    private static DateTime China(int month, int day, int hour, int minute = 0) => Clock.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    private static CaseActionContext At(PolicyProfile profile, CaseActor actor, DateTime nowUtc, string key = PromiseKeys.EstablishmentTotal) =>
        new(actor, nowUtc, Clock, k => profile.Find(k)?.Limit, Service with { ProcessLimitKey = key })
        {
            WholeProcess = k => profile.Find(k)?.WholeProcess == true,
        };

    private static Case Submit(PolicyProfile profile, DateTime at, string key = PromiseKeys.EstablishmentTotal) =>
        Case.Submit("QYKB-20261123-000001", "测试公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, At(profile, Applicant, at, key));

    [Fact]
    public void Yicheng_half_day_counts_from_submission_and_acceptance_is_inside_it()
    {
        var c = Submit(PolicyProfiles.Yicheng, China(11, 23, 9));

        Assert.Equal(China(11, 23, 13, 30), c.StepDueAt); // 3 h 30 min of office time from 09:00, lunch excluded
        Assert.Equal("0.5个工作日", c.StepLimitText);

        c.Fire(CaseTrigger.Accept, At(PolicyProfiles.Yicheng, Window, China(11, 23, 11)));

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(China(11, 23, 13, 30), c.StepDueAt); // not 11:00 + 3 h 30 min
        Assert.Equal("0.5个工作日", c.StepLimitText);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(China(11, 23, 13, 30), c.History[^1].DueAt);
    }

    [Fact]
    public void Taian_general_enterprise_is_due_two_office_hours_after_submission()
    {
        var c = Submit(PolicyProfiles.Taian, China(11, 23, 9), PromiseKeys.EstablishmentGeneral);
        c.Fire(CaseTrigger.AutoAccept, At(PolicyProfiles.Taian, CaseActor.System, China(11, 23, 9)));

        Assert.Equal(China(11, 23, 11), c.StepDueAt);
        Assert.Equal("2个工作小时", c.StepLimitText);
    }

    [Fact]
    public void Taian_other_enterprise_is_due_four_office_hours_after_submission_whenever_accepted()
    {
        var c = Submit(PolicyProfiles.Taian, China(11, 23, 9));
        c.Fire(CaseTrigger.Accept, At(PolicyProfiles.Taian, Window, China(11, 23, 11, 30)));

        Assert.Equal(China(11, 23, 14), c.StepDueAt); // 09:00 + 4 office hours (lunch excluded), not 11:30 + 4 h
    }

    [Fact]
    public void A_supplement_before_acceptance_pauses_the_whole_process_clock_and_acceptance_carries_it_on()
    {
        var c = Submit(PolicyProfiles.Yicheng, China(11, 23, 9)); // due 13:30: 210 office minutes
        c.Fire(CaseTrigger.RequestSupplement, At(PolicyProfiles.Yicheng, Window, China(11, 23, 10)), new CaseActionArgs { Reason = "缺少住所证明" });
        c.Fire(CaseTrigger.SubmitSupplement, At(PolicyProfiles.Yicheng, Applicant, China(11, 24, 9)));
        Assert.Equal(China(11, 24, 11, 30), c.StepDueAt); // 150 minutes were left

        c.Fire(CaseTrigger.Accept, At(PolicyProfiles.Yicheng, Window, China(11, 24, 10)));

        Assert.Equal(China(11, 24, 11, 30), c.StepDueAt);
        var replay = c.ReplayDeadline(At(PolicyProfiles.Yicheng, CaseActor.System, China(11, 24, 10)))!;
        Assert.Equal(China(11, 24, 11, 30), replay.DueUtc);
    }

    [Fact]
    public void A_case_accepted_after_the_whole_process_deadline_stays_overdue()
    {
        var c = Submit(PolicyProfiles.Yicheng, China(11, 23, 9));
        Assert.True(c.MarkOverdue(China(11, 23, 14)));

        c.Fire(CaseTrigger.Accept, At(PolicyProfiles.Yicheng, Window, China(11, 23, 15)));

        Assert.True(c.IsOverdue);
        Assert.Equal(China(11, 23, 13, 30), c.StepDueAt);
    }

    [Fact]
    public void A_service_whose_promise_counts_from_acceptance_keeps_its_separate_acceptance_limit()
    {
        var profile = PolicyProfiles.Yicheng;
        var notWhole = new CaseActionContext(Applicant, China(11, 23, 9), Clock, k => profile.Find(k)?.Limit, Service);
        var c = Case.Submit("QYKB-20261123-000002", "测试公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, notWhole);

        Assert.Equal(China(11, 24, 17), c.StepDueAt); // 受理 1个工作日 (门户默认值)
        c.Fire(CaseTrigger.Accept, notWhole with { Actor = Window, NowUtc = China(11, 23, 10) });
        Assert.Equal(China(11, 23, 14, 30), c.StepDueAt);
    }
}
