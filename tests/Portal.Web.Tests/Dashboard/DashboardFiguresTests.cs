using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Dashboard;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Dashboard;

/// <summary>
/// The 统计口径 on plain facts, without a web host or database: what a step is, which steps a period holds, who
/// counts as staff, which department and window a step belongs to, closed cases, and the queue figures.
/// All instants are China time in November 2026 (Mon 9th … Fri 13th are working days; 14th/15th a weekend).
/// </summary>
public sealed class DashboardFiguresTests
{
    private const string Applicant = "applicant-1";
    private const string Clerk = "clerk-1";
    private const string Reviewer = "reviewer-1";

    private static readonly Period Monday = new(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 9));

    private long nextId;

    [Fact]
    public void A_step_runs_from_a_row_with_a_deadline_to_the_next_row_that_is_not_a_note()
    {
        var c = Facts(1);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 17), Applicant),
            Row(1, ChinaUtc(2026, 11, 9, 9, 30), Case.NoteAction, Roles.Window, ChinaUtc(2026, 11, 9, 17), Clerk),
            Row(1, ChinaUtc(2026, 11, 9, 10), "SubItem.Start", Roles.Window, ChinaUtc(2026, 11, 9, 17), Reviewer),
            Row(1, ChinaUtc(2026, 11, 9, 10, 30), Case.OverdueAction, Roles.Window, ChinaUtc(2026, 11, 9, 17), CaseActor.System.UserId),
            Row(1, ChinaUtc(2026, 11, 9, 11), "Accept", Department.Market.ReviewerRole(), ChinaUtc(2026, 11, 9, 16), Clerk),
        };

        var step = Assert.Single(DashboardFigures.StepsEndedIn(Monday, DashboardWorld.ChinaClock, events, Cases(c)));

        // Submit 09:00 → Accept 11:00: the note, the sub-item move and the overdue mark in between neither end nor start a step.
        Assert.Equal(ChinaUtc(2026, 11, 9, 9), step.StartedAt);
        Assert.Equal(ChinaUtc(2026, 11, 9, 11), step.EndedAt);
        Assert.Equal(120, step.UsedMinutes);
        Assert.Equal(420, step.PromisedMinutes);     // 09:00-12:00 and 13:00-17:00
        Assert.True(step.OnTime);
        Assert.Equal(Roles.Window, step.HolderRole);
        Assert.Equal(Clerk, step.StaffId);
        Assert.Equal("窗口一", step.StaffName);
    }

    /// <summary>Issue 15: a step whose deadline a holiday change moved later is on time against the new deadline.</summary>
    [Fact]
    public void A_deadline_recomputed_after_a_holiday_change_decides_whether_the_step_was_on_time()
    {
        var c = Facts(1);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 9, 9), "Accept", Department.Market.ReviewerRole(), ChinaUtc(2026, 11, 9, 11), Clerk),
            Row(1, ChinaUtc(2026, 11, 9, 10), Case.DeadlineChangedAction, Department.Market.ReviewerRole(), ChinaUtc(2026, 11, 9, 15), "admin"),
            Row(1, ChinaUtc(2026, 11, 9, 14), "Complete", "", null, Reviewer),
        };

        var step = Assert.Single(DashboardFigures.StepsEndedIn(Monday, DashboardWorld.ChinaClock, events, Cases(c)));

        Assert.True(step.OnTime);
        Assert.Equal(300, step.PromisedMinutes); // 09:00-12:00 and 13:00-15:00
        Assert.Equal(ChinaUtc(2026, 11, 9, 9), step.StartedAt);
    }

    [Fact]
    public void Facts_of_real_history_rows_know_notes_and_overdue_marks_as_the_case_does()
    {
        var clerk = new CaseActor(Clerk, "窗口一", new HashSet<string> { Roles.Window });
        var applicant = new CaseActor(Applicant, "申请人", new HashSet<string> { Roles.Applicant });
        CaseActionContext At(CaseActor actor, DateTime utc) => new(actor, utc, DashboardWorld.ChinaClock, DashboardWorld.Limits, Features.Establishment.EstablishmentService.Definition);
        var c = Case.Submit("T-1", "测试", (Applicant, "申请人"), Channel.Online, At(applicant, ChinaUtc(2026, 11, 9, 9)));
        c.Record("补充说明", clerk, ChinaUtc(2026, 11, 9, 10), null);
        Assert.True(c.MarkOverdue(ChinaUtc(2026, 11, 10, 18)));
        c.Fire(CaseTrigger.Accept, At(clerk, ChinaUtc(2026, 11, 11, 9)));

        var facts = c.History.Select(EventFacts.Of).ToList();

        Assert.Equal(["Submit", Case.NoteAction, Case.OverdueAction, "Accept"], facts.Select(f => f.Action));
        Assert.Equal([false, true, true, false], facts.Select(f => f.IsNote));
        Assert.Equal([false, false, true, false], facts.Select(f => f.IsOverdueMark));
        Assert.Equal([ChinaUtc(2026, 11, 10, 17), ChinaUtc(2026, 11, 10, 17), ChinaUtc(2026, 11, 10, 17), ChinaUtc(2026, 11, 11, 14)], facts.Select(f => f.DueAt));
        Assert.Equal([Applicant, Clerk, CaseActor.System.UserId, Clerk], facts.Select(f => f.ActorId));
    }

    [Fact]
    public void Open_steps_and_rows_without_a_deadline_are_not_steps()
    {
        var c = Facts(1);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 17), Applicant),
            Row(1, ChinaUtc(2026, 11, 9, 10), "RequestSupplement", Roles.Applicant, null, Clerk),     // the clock pauses: no deadline
            Row(1, ChinaUtc(2026, 11, 9, 11), "SubmitSupplement", Roles.Window, ChinaUtc(2026, 11, 9, 16), Applicant),
        };

        var steps = DashboardFigures.StepsEndedIn(Monday, DashboardWorld.ChinaClock, events, Cases(c));

        // Only Submit → RequestSupplement: the supplement wait has no deadline, the resumed step is still open.
        var step = Assert.Single(steps);
        Assert.Equal(ChinaUtc(2026, 11, 9, 10), step.EndedAt);
        Assert.Equal(60, step.UsedMinutes);
    }

    [Fact]
    public void Rows_at_the_same_instant_are_ordered_by_id()
    {
        var c = Facts(1);
        var submit = Row(1, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 10, 17), Applicant);
        var accept = Row(1, ChinaUtc(2026, 11, 9, 9), "AutoAccept", Department.Market.ReviewerRole(), ChinaUtc(2026, 11, 9, 13), CaseActor.System.UserId);
        var complete = Row(1, ChinaUtc(2026, 11, 9, 14), "Complete", "", null, Reviewer);

        // Given in any order, the rows are sorted by time, then id: Submit (id 1) before AutoAccept (id 2).
        var steps = DashboardFigures.StepsEndedIn(Monday, DashboardWorld.ChinaClock, [complete, accept, submit], Cases(c));

        Assert.Equal(2, steps.Count);
        Assert.Equal((Roles.Window, 0, true, (string?)null), (steps[0].HolderRole, steps[0].UsedMinutes, steps[0].OnTime, steps[0].StaffId));
        // AutoAccept 09:00 → Complete 14:00: 240 office minutes, due 13:00 (180 minutes) → late.
        Assert.Equal((Department.Market.ReviewerRole(), 240, 180, false, Reviewer), (steps[1].HolderRole, steps[1].UsedMinutes, steps[1].PromisedMinutes, steps[1].OnTime, steps[1].StaffId));
    }

    [Fact]
    public void A_step_ending_exactly_at_the_deadline_is_on_time_and_one_minute_later_is_late()
    {
        var onTime = Facts(1);
        var late = Facts(2);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 12), Applicant),
            Row(1, ChinaUtc(2026, 11, 9, 12), "Accept", Roles.Window, null, Clerk),
            Row(2, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 12), Applicant),
            Row(2, ChinaUtc(2026, 11, 9, 13, 1), "Accept", Roles.Window, null, Clerk),
        };

        var steps = DashboardFigures.StepsEndedIn(Monday, DashboardWorld.ChinaClock, events, Cases(onTime, late));

        Assert.Equal([true, false], steps.OrderBy(s => s.CaseId).Select(s => s.OnTime));
        // 12:00-13:00 is the lunch break: 13:01 is 181 office minutes after 09:00.
        Assert.Equal([180, 181], steps.OrderBy(s => s.CaseId).Select(s => s.UsedMinutes));
    }

    [Fact]
    public void Period_holds_a_step_ending_at_its_first_instant_and_not_one_ending_at_the_next_days_first_instant()
    {
        var atStart = Facts(1);
        var justBeforeEnd = Facts(2);
        var atEnd = Facts(3);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 6, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 17), Applicant),
            Row(1, ChinaUtc(2026, 11, 9, 0), "Accept", Roles.Window, null, Clerk),
            Row(2, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 10, 17), Applicant),
            Row(2, ChinaUtc(2026, 11, 10, 0).AddMilliseconds(-1), "Accept", Roles.Window, null, Clerk),
            Row(3, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 10, 17), Applicant),
            Row(3, ChinaUtc(2026, 11, 10, 0), "Accept", Roles.Window, null, Clerk),
        };

        var monday = DashboardFigures.StepsEndedIn(Monday, DashboardWorld.ChinaClock, events, Cases(atStart, justBeforeEnd, atEnd));
        var tuesday = DashboardFigures.StepsEndedIn(new Period(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10)), DashboardWorld.ChinaClock, events, Cases(atStart, justBeforeEnd, atEnd));

        Assert.Equal([1L, 2L], monday.Select(s => s.CaseId).Order());
        Assert.Equal([3L], tuesday.Select(s => s.CaseId));
        // Monday's period is [Mon 00:00, Tue 00:00) China time = [Sun 16:00, Mon 16:00) UTC.
        Assert.Equal(new DateTime(2026, 11, 8, 16, 0, 0, DateTimeKind.Utc), Monday.StartUtc(DashboardWorld.ChinaClock));
        Assert.Equal(new DateTime(2026, 11, 9, 16, 0, 0, DateTimeKind.Utc), Monday.EndUtc(DashboardWorld.ChinaClock));
    }

    [Fact]
    public void Applicant_system_and_public_end_steps_that_count_for_the_service_and_department_but_not_for_staff_or_windows()
    {
        var c = Facts(1);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 17), Applicant),
            Row(1, ChinaUtc(2026, 11, 9, 10), "AutoAccept", Roles.Window, ChinaUtc(2026, 11, 9, 17), CaseActor.System.UserId, "系统"),
            Row(1, ChinaUtc(2026, 11, 9, 11), "Object", Roles.Window, ChinaUtc(2026, 11, 9, 17), CaseActor.Public.UserId, "社会公众"),
            Row(1, ChinaUtc(2026, 11, 9, 12), "Withdraw", "", null, Applicant, "申请人"),
            Row(2, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 17), Applicant),
            Row(2, ChinaUtc(2026, 11, 9, 10), "Accept", Roles.Supervisor, ChinaUtc(2026, 11, 9, 17), Reviewer, "审批一"),
            Row(2, ChinaUtc(2026, 11, 9, 11), "Dismiss", "", null, "supervisor-1", "督查一"),
        };

        var report = DashboardFigures.Steps(Monday, DashboardWorld.ChinaClock, events, [c, Facts(2)], new Dictionary<string, string> { [Clerk] = "A01", ["supervisor-1"] = "B09" }, code => $"事项{code}");

        Assert.Equal(5, report.Total.Steps);
        Assert.Equal(5, Assert.Single(report.ByService).Steps.Steps);
        Assert.Equal([("窗口工作人员", 4), ("督查", 1)], report.ByDepartment.Select(d => (d.Label, d.Steps)));
        // Staff: only 审批一 (ended case 2's first step) and 督查一 (ended its second); window: only the supervisor has one.
        Assert.Equal([("审批一", 1), ("督查一", 1)], report.ByStaff.Select(s => (s.Label, s.Steps)));
        Assert.Equal([("B09", 1)], report.ByWindow.Select(w => (w.Label, w.Steps)));
    }

    [Theory]
    [InlineData("Reviewer.Market", "市场监管")]
    [InlineData("Reviewer.Police", "公安（印章）")]
    [InlineData("Reviewer.Power", "供电")]
    [InlineData(Roles.Window, "窗口工作人员")]
    [InlineData(Roles.Supervisor, "督查")]
    [InlineData(Roles.Applicant, "申请人")]
    [InlineData("", "（未指定）")]
    public void Department_of_a_step_is_the_holders_department_or_the_roles_label(string holder, string label) =>
        Assert.Equal(label, DashboardFigures.DepartmentLabel(holder));

    [Fact]
    public void Staff_are_grouped_by_id_with_their_latest_name_and_windows_by_the_staff_members_window()
    {
        var events = new List<EventFacts>();
        for (var i = 1; i <= 3; i++)
        {
            var actor = i == 3 ? "clerk-2" : Clerk;
            var name = i == 2 ? "窗口一（改名）" : i == 3 ? "窗口二" : "窗口一";
            events.Add(Row(i, ChinaUtc(2026, 11, 9, 9), "Submit", Roles.Window, ChinaUtc(2026, 11, 9, 17), Applicant));
            events.Add(Row(i, ChinaUtc(2026, 11, 9, 9 + i), "Accept", Roles.Window, null, actor, name));
        }

        var report = DashboardFigures.Steps(Monday, DashboardWorld.ChinaClock, events, [Facts(1), Facts(2), Facts(3)],
            new Dictionary<string, string> { [Clerk] = "A01", ["clerk-2"] = "A01" }, code => code);

        Assert.Equal([("窗口一（改名）", 2), ("窗口二", 1)], report.ByStaff.Select(s => (s.Label, s.Steps)));
        // Two people at one window are one row: 3 steps, used 60 + 120 + 180 = 360.
        var window = Assert.Single(report.ByWindow);
        Assert.Equal(("A01", 3, 360), (window.Label, window.Steps, window.UsedMinutes));
    }

    /// <summary>BUG: a case the applicant withdrew (撤回) was counted under 期间办结件数 (and as 办结 on time).</summary>
    [Fact]
    public void A_withdrawn_case_is_not_counted_as_concluded_but_a_refused_or_terminated_one_is()
    {
        var at = ChinaUtc(2026, 11, 9, 10);
        var cases = new[]
        {
            Facts(1, at, CaseState.Completed),
            Facts(2, at, CaseState.Withdrawn),
            Facts(3, at, CaseState.Rejected),
            Facts(4, at, CaseState.Terminated),
        };

        var report = DashboardFigures.Steps(Monday, DashboardWorld.ChinaClock, [], cases, new Dictionary<string, string>(), code => "企业开办");

        var service = Assert.Single(report.ByService);
        Assert.Equal((3, 3), (service.Closed, service.ClosedNeverOverdue));
        Assert.False(cases[1].IsConcluded);
        Assert.All([cases[0], cases[2], cases[3]], c => Assert.True(c.IsConcluded));
    }

    [Fact]
    public void Cases_closed_in_the_period_count_as_on_time_unless_they_were_ever_marked_overdue()
    {
        var clean = Facts(1, closedAt: ChinaUtc(2026, 11, 9, 10));
        var marked = Facts(2, closedAt: ChinaUtc(2026, 11, 9, 11));
        var closedBefore = Facts(3, closedAt: ChinaUtc(2026, 11, 6, 11));
        var open = Facts(4);
        var events = new[]
        {
            Row(1, ChinaUtc(2026, 11, 9, 10), "Complete", "", null, Reviewer),
            Row(2, ChinaUtc(2026, 11, 6, 9), Case.OverdueAction, Roles.Window, ChinaUtc(2026, 11, 6, 8), CaseActor.System.UserId),
            Row(2, ChinaUtc(2026, 11, 9, 11), "Complete", "", null, Reviewer),
            Row(4, ChinaUtc(2026, 11, 9, 11), Case.OverdueAction, Roles.Window, ChinaUtc(2026, 11, 9, 10), CaseActor.System.UserId),
        };

        var report = DashboardFigures.Steps(Monday, DashboardWorld.ChinaClock, events, [clean, marked, closedBefore, open], new Dictionary<string, string>(), code => "企业开办");

        var service = Assert.Single(report.ByService);
        Assert.Equal((2, 1, 50.0), (service.Closed, service.ClosedNeverOverdue, service.ClosedOnTimeRate));
        // No step has a deadline here: the service row exists for its closed cases, its step figures are empty.
        Assert.Equal(0, service.Steps.Steps);
        Assert.Null(service.Steps.OnTimeRate);
        Assert.Null(service.Steps.AverageUsedHours);
        Assert.Null(service.Steps.UsedOfPromised);
    }

    [Fact]
    public void Queue_figures_per_hour_fill_the_hours_between_and_per_window_count_called_served_and_no_shows()
    {
        var tickets = new[]
        {
            // Issued 08:50: called 09:05 (wait 15), served 09:06-09:16 (10), done.
            Ticket(ChinaUtc(2026, 11, 9, 8, 50), ChinaUtc(2026, 11, 9, 9, 5), ChinaUtc(2026, 11, 9, 9, 6), ChinaUtc(2026, 11, 9, 9, 16), TicketState.Done, "A01"),
            // Issued 08:55: called 09:25 (wait 30), no-show.
            Ticket(ChinaUtc(2026, 11, 9, 8, 55), ChinaUtc(2026, 11, 9, 9, 25), null, ChinaUtc(2026, 11, 9, 9, 30), TicketState.NoShow, "A02"),
            // Issued 11:20: called 11:21 (wait 1), being served.
            Ticket(ChinaUtc(2026, 11, 9, 11, 20), ChinaUtc(2026, 11, 9, 11, 21), ChinaUtc(2026, 11, 9, 11, 22), null, TicketState.Serving, "A01"),
            // Issued 11:40: waiting (a transfer cleared its call).
            Ticket(ChinaUtc(2026, 11, 9, 11, 40), null, null, null, TicketState.Waiting, null),
        };

        var hall = DashboardFigures.Hall(DashboardWorld.ChinaClock, tickets);

        Assert.Equal(
            [
                new HourFigures(8, 2, 2, 22.5, 1),
                new HourFigures(9, 0, 0, null, 0),
                new HourFigures(10, 0, 0, null, 0),
                new HourFigures(11, 2, 1, 1.0, 0),
            ],
            hall.ByHour);
        Assert.Equal(
            [
                new WindowQueueFigures("A01", 2, 2, 0, 8.0, 10.0),
                new WindowQueueFigures("A02", 1, 0, 1, 30.0, null),
            ],
            hall.ByWindow);
        Assert.Equal((4, 3, 1), (hall.Issued, hall.Called, hall.NoShows));
        Assert.Equal("08:00-09:00", hall.ByHour[0].Label);
    }

    [Fact]
    public void No_tickets_give_no_rows()
    {
        var hall = DashboardFigures.Hall(DashboardWorld.ChinaClock, []);

        Assert.Empty(hall.ByHour);
        Assert.Empty(hall.ByWindow);
        Assert.Equal((0, 0, 0), (hall.Issued, hall.Called, hall.NoShows));
    }

    [Fact]
    public void Rates_and_averages_have_one_decimal_and_are_empty_without_a_denominator()
    {
        var figures = new StepFigures("k", "k", 3, 2, 100, 0);

        Assert.Equal(66.7, figures.OnTimeRate);
        Assert.Equal(0.6, figures.AverageUsedHours);        // 100 / 3 / 60 = 0.556
        Assert.Equal(0.0, figures.AveragePromisedHours);
        Assert.Null(figures.UsedOfPromised);
        Assert.Null(new StepFigures("k", "k", 0, 0, 0, 0).OnTimeRate);
        Assert.Equal(0.3, DashboardFigures.Round1(0.25));  // half away from zero
    }

    [Fact]
    public void Period_defaults_to_this_month_up_to_today_and_refuses_a_backwards_or_overlong_one_in_chinese()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(new Period(new DateOnly(2026, 11, 1), today), Period.Resolve(null, null, today));
        Assert.Equal(new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15)), Period.Resolve(null, new DateOnly(2026, 10, 15), today));
        Assert.Equal(new Period(new DateOnly(2026, 11, 20), today), Period.Resolve(new DateOnly(2026, 11, 20), null, today));
        Assert.Equal(366, Period.Resolve(new DateOnly(2025, 11, 23), new DateOnly(2026, 11, 23), today).Days);

        var backwards = Assert.Throws<ValidationFailedException>(() => Period.Resolve(new DateOnly(2026, 11, 24), null, today));
        Assert.Equal("开始日期不能晚于结束日期。", backwards.Message);
        var overlong = Assert.Throws<ValidationFailedException>(() => Period.Resolve(new DateOnly(2025, 11, 22), today, today));
        Assert.Equal("统计期间最长366天，请缩短期间。", overlong.Message);
        var outOfRange = Assert.Throws<ValidationFailedException>(() => Period.Resolve(new DateOnly(2026, 1, 1), DateOnly.MaxValue, today));
        Assert.Equal("统计日期须在2000年至2099年之间。", outOfRange.Message);
    }

    [Fact]
    public void Bar_chart_scales_bars_labels_long_names_and_describes_every_value()
    {
        var chart = BarChart.Create("c", "按时办结率", [("企业开办", 50.0, "50.0%"), ("预约银行开户（单独办理）很长的名字", 100.0, "100.0%"), ("无数据", null, "—")], fixedMax: 100);

        Assert.Equal(2, chart.Bars.Count);
        Assert.Equal(BarChart.BarAreaWidth / 2, chart.Bars[0].Width);
        Assert.Equal(BarChart.BarAreaWidth, chart.Bars[1].Width);
        Assert.Equal("预约银行开户（单独…", chart.Bars[1].ShortLabel);
        Assert.Equal("企业开办", chart.Bars[0].ShortLabel);
        Assert.Equal("09:00-10:00", BarChart.Shorten("09:00-10:00"));
        Assert.Equal("涉税办理（单独办理）", BarChart.Shorten("涉税办理（单独办理）"));
        Assert.Equal("涉税办理（单独办理…", BarChart.Shorten("涉税办理（单独办理）甲"));     // 9 wide characters + "…" = 20 units
        Assert.Equal("企业开办：50.0%；预约银行开户（单独办理）很长的名字：100.0%", chart.Description);
        Assert.Equal(BarChart.Top + BarChart.RowHeight, chart.Bars[1].Y);
    }

    private static CaseFacts Facts(long id, DateTime? closedAt = null, CaseState? state = null) =>
        new(id, "establishment", Applicant, closedAt, state ?? (closedAt is null ? CaseState.InProgress : CaseState.Completed));

    private static Dictionary<long, CaseFacts> Cases(params CaseFacts[] cases) => cases.ToDictionary(c => c.Id);

    private static TicketFacts Ticket(DateTime issued, DateTime? called, DateTime? served, DateTime? done, TicketState state, string? window) =>
        new(issued, called, served, done, state, window);

    /// <summary>A history row; notes are the three kinds <see cref="Case.IsNote"/> knows (checked on real rows above).</summary>
    private EventFacts Row(long caseId, DateTime at, string action, string holder, DateTime? due, string actorId, string? actorName = null) =>
        new(++nextId, caseId, at, action, action is Case.NoteAction or Case.OverdueAction or Case.DeadlineChangedAction || action.StartsWith("SubItem.", StringComparison.Ordinal),
            holder, due, actorId, actorName ?? (actorId == Clerk ? "窗口一" : actorId));
}
