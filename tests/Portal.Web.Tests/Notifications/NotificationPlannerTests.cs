using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Notifications;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>NotificationPlanner on its own (pure): which history rows speak to the applicant, and the dedupe keys.</summary>
public sealed class NotificationPlannerTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());
    private static readonly ServiceDefinition Service = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");
    private static readonly CaseActor Applicant = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor Window = new("window-1", "王芳", new HashSet<string> { Roles.Window });
    private static readonly CaseActor Market = new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() });
    private static readonly DateTime Monday9 = Scenario.ChinaUtc(2026, 11, 23, 9);

    private static CaseActionContext At(CaseActor actor, DateTime nowUtc) =>
        new(actor, nowUtc, Clock, key => PolicyProfiles.Zaozhuang.Find(key)?.Limit, Service);

    private static Case Submitted(CaseActor? filedBy = null) =>
        Case.Submit("QYKB-20261123-000001", "测试公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, At(filedBy ?? Applicant, Monday9));

    private static NotificationPlanner.Planned? Last(Case c) => NotificationPlanner.ForApplicant(c, c.History[^1]);

    [Fact]
    public void Submission_by_the_applicant_or_for_them_is_not_announced()
    {
        Assert.Null(Last(Submitted()));
        Assert.Null(Last(Submitted(Window)));
    }

    [Fact]
    public void Supplement_request_needs_the_applicant_with_a_key_of_case_version_action_and_recipient()
    {
        var c = Submitted();
        var at = Monday9.AddMinutes(30);
        c.Fire(CaseTrigger.RequestSupplement, At(Window, at), new CaseActionArgs { Reason = "公司章程" });

        var p = Last(c);

        Assert.NotNull(p);
        Assert.Equal(Applicant.UserId, p.RecipientId);
        Assert.Equal(NotificationKind.NeedsAction, p.Kind);
        Assert.Equal($"QYKB-20261123-000001:v{c.Version}:RequestSupplement:applicant-1", p.DedupeKey);
        Assert.Contains("说明：公司章程", p.Body);
    }

    [Fact]
    public void Each_kind_of_acceptance_is_announced_as_accepted()
    {
        var accept = Submitted();
        accept.Fire(CaseTrigger.Accept, At(Window, Monday9));
        Assert.Equal(NotificationKind.Accepted, Last(accept)!.Kind);

        var auto = Submitted();
        auto.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, Monday9));
        Assert.Equal(NotificationKind.Accepted, Last(auto)!.Kind);

        var tolerance = Submitted();
        tolerance.Fire(CaseTrigger.AcceptWithMissing, At(Window, Monday9), new CaseActionArgs { Reason = "住所证明", CommitmentDueUtc = Monday9.AddDays(7) });
        var p = Last(tolerance)!;
        Assert.Equal(NotificationKind.Accepted, p.Kind);
        Assert.Contains("容缺受理", p.Body);
    }

    [Fact]
    public void Notes_inside_a_step_are_never_announced()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, Monday9));
        c.Record("首问负责移交：王芳 → 李娜", Window, Monday9.AddHours(1), "轮岗");
        Assert.Null(Last(c));

        c.HandOver("window-2", "李娜", Window, Monday9.AddHours(2), "轮岗");
        Assert.Null(Last(c));
    }

    [Fact]
    public void Applicants_own_actions_are_not_announced_but_someone_elses_withdrawal_for_them_is()
    {
        var own = Submitted();
        own.Fire(CaseTrigger.Withdraw, At(Applicant, Monday9));
        Assert.Null(Last(own));

        var onBehalf = Submitted(Window);
        onBehalf.Fire(CaseTrigger.Withdraw, At(Window, Monday9.AddHours(1)));
        var p = Last(onBehalf);
        Assert.NotNull(p);
        Assert.Equal(NotificationKind.Done, p.Kind);
        Assert.Equal("办件已撤回", p.Title);
    }

    [Fact]
    public void Overdue_mark_is_announced_as_late_and_completion_as_done()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, Monday9));
        Assert.True(c.MarkOverdue(Scenario.ChinaUtc(2026, 11, 25, 9))); // 枣庄市 企业开办 1个工作日: due Tue 17:00
        Assert.Equal(NotificationKind.Late, Last(c)!.Kind);

        c.Fire(CaseTrigger.Complete, At(Market, Scenario.ChinaUtc(2026, 11, 25, 10)));
        var done = Last(c)!;
        Assert.Equal(NotificationKind.Done, done.Kind);
        Assert.Equal("办件办结", done.Title);
    }

    [Fact]
    public void Completion_says_the_case_is_done_once_not_办结_twice()
    {
        var c = Submitted();
        c.Fire(CaseTrigger.Accept, At(Window, Monday9));
        c.Fire(CaseTrigger.Complete, At(Market, Scenario.ChinaUtc(2026, 11, 23, 16)));

        var done = Last(c)!;
        Assert.DoesNotContain("办结：办结", done.Body);
        Assert.EndsWith("已办结。", done.Body);
    }

    [Fact]
    public void A_department_returning_a_track_asks_the_applicant_to_resubmit_with_the_reason_on_its_own_line()
    {
        var c = Submitted();
        var seal = new SubItem("seal", "印章刻制", Department.Police, synchronous: true);
        c.AddSubItem(seal);
        c.Fire(CaseTrigger.Accept, At(Window, Monday9));
        seal.Fire(SubItemTrigger.Begin, At(CaseActor.System, Monday9), null, c.StepDueAt);
        var police = new CaseActor("police-1", "公安审批员", new HashSet<string> { Department.Police.ReviewerRole() });
        seal.Fire(SubItemTrigger.Start, At(police, Monday9.AddMinutes(10)));
        c.BumpVersion();
        seal.Fire(SubItemTrigger.Return, At(police, Monday9.AddMinutes(20)), "1. 印章样式不符\n2. 请上传法定代表人签字");

        var p = Last(c);

        Assert.NotNull(p);
        Assert.Equal(Applicant.UserId, p.RecipientId);
        Assert.Equal(NotificationKind.NeedsAction, p.Kind);
        Assert.Contains("“印章刻制”", p.Body);
        Assert.Contains("重新提交", p.Body);
        Assert.Contains("\n说明：1. 印章样式不符\n2. 请上传法定代表人签字", p.Body);
        Assert.Equal($"QYKB-20261123-000001:v{c.Version}:SubItem.Return:applicant-1", p.DedupeKey);
    }

    [Fact]
    public void Staff_messages_go_once_to_each_distinct_member_with_a_key_per_step_and_colour()
    {
        var c = Submitted();

        var yellow = NotificationPlanner.ForStaff(c, overdue: false, ["w1", "w2", "w1"]).ToList();
        var red = NotificationPlanner.ForStaff(c, overdue: true, ["w1"]).ToList();

        Assert.Equal(["w1", "w2"], yellow.Select(p => p.RecipientId));
        Assert.All(yellow, p => Assert.Equal(NotificationKind.StepWarning, p.Kind));
        Assert.Equal($"QYKB-20261123-000001:yellow:{Monday9.Ticks}:w1", yellow[0].DedupeKey);
        Assert.Equal(NotificationKind.StepOverdue, Assert.Single(red).Kind);
        Assert.Equal($"QYKB-20261123-000001:red:{Monday9.Ticks}:w1", red[0].DedupeKey);

        // The next step has its own keys.
        c.Fire(CaseTrigger.Accept, At(Window, Monday9.AddHours(1)));
        var next = Assert.Single(NotificationPlanner.ForStaff(c, overdue: false, ["w1"]));
        Assert.NotEqual(yellow[0].DedupeKey, next.DedupeKey);
    }

    [Fact]
    public void Long_texts_are_cut_to_the_stored_lengths()
    {
        var n = Notification.Create("u", NotificationKind.NeedsAction, "QYKB-1", new string('题', 250), new string('文', 1500), "/Cases/QYKB-1", Monday9, new string('k', 300));

        Assert.Equal(200, n.Title.Length);
        Assert.EndsWith("…", n.Title);
        Assert.Equal(1000, n.Body.Length);
        Assert.EndsWith("…", n.Body);
        Assert.Equal(200, n.DedupeKey.Length);
        Assert.Equal(DeliveryState.Pending, n.Delivery);
    }
}
