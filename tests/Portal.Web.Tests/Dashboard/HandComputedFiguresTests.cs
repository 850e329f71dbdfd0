using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Dashboard;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's figures against a data set computed by hand, on SQLite and PostgreSQL: every figure of every
/// table. Period: Monday 9 to Friday 20 November 2026 (no holidays in November 2026; weekends 14/15 and 21/22).
/// Promises (see <see cref="DashboardWorld.Limits"/>): 受理 and 督查审批 1 working day (to 17:00 of the next
/// working day), 办理 4 office hours. Office hours 09:00-12:00 and 13:00-17:00 (420 minutes a day).
/// </summary>
public sealed class HandComputedFiguresTests
{
    private static readonly DateOnly From = new(2026, 11, 9);
    private static readonly DateOnly To = new(2026, 11, 20);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Every_figure_of_every_table_matches_the_hand_computation(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await SeedAsync(factory);

        var result = await factory.StatisticsAsync(world.Supervisor, From, To);

        Assert.Equal(new Period(From, To), result.Period);

        // ---- 超期办件（当前）: only C0 is overdue now (C2 was, but its next step cleared the mark).
        Assert.Equal(1, result.OverdueCount);
        Assert.Equal(
            [[world.C0, $"{world.C0} 测试办件", "企业开办", "办理中", "后台审批（市场监管）", "2026-11-09 14:00", "2026-11-09 15:00"]],
            result.Rows(DashboardTables.Overdue));
        var overdueChart = result.Table(DashboardTables.Overdue).Chart!;
        Assert.Equal([("后台审批（市场监管）", 1.0, "1件")], overdueChart.Bars.Select(b => (b.Label, b.Value, b.ValueText)));

        // ---- Steps ended in the period (used / promised in office minutes; ✓ on time, ✗ late):
        //  企业开办 (Market):
        //   C0 E1 受理 step: Fri 6th 15:00 → Mon 9th 00:00 (period start, included). used Fri 15-17 = 120;
        //        due Mon 9th 17:00, promised 120 + 420 = 540 ✓ (W1, window A01, dept 窗口)
        //   C1 E1: Mon 9th 10:00 → 11:00. used 60; due Tue 10th 17:00, promised 120+240+420 = 780 ✓ (W1, A01, 窗口)
        //   C1 E2 办理: Mon 11:00 → 15:30 (the 14:00 note does not end it). used 60 + 150 = 210; due 16:00, promised 240 ✓ (M, 市场监管)
        //   C2 E1: Tue 10th 09:00 → 09:40. used 40; due Wed 11th 17:00, promised 420+420 = 840 ✓ (W2, A02, 窗口)
        //   C2 E2: Tue 09:40 → Wed 10:00. used 140+240+60 = 440; due Tue 14:40, promised 240 ✗ (M, 市场监管)
        //   C5 E1: Thu 19th 09:00 → 09:00 (即报即得 by the system). used 0; due Fri 20th 17:00, promised 840 ✓ (system: no staff)
        //   C5 E2: Thu 09:00 → Fri 20th 09:00. used 420; due Thu 14:00, promised 240 ✗ (M, 市场监管)
        //   → 7 steps, 5 on time = 71.4%; used 1290 → 1290/7/60 = 3.07 h → 3.1; promised 3720 → 8.86 h → 8.9;
        //     1290/3720 = 34.68% → 34.7. Closed in the period: C1 (never overdue), C2 (marked overdue), C5 (late but
        //     never marked) → 3 closed, 2 never overdue = 66.7%.
        //  涉税办理（单独办理） (Tax):
        //   C3 E1: Fri 13th 15:00 → Mon 16th 09:30. used 120 + 30 = 150; due Mon 17:00, promised 120+420 = 540 ✓ (W1, A01, 窗口)
        //   C3 E2: ended Sat 21st 00:00 = the period's end: not counted; C3 is not closed in the period either.
        //   C4 E1: Tue 17th 09:00 → 11:00 (拟不予受理). used 120; due Wed 18th 17:00, promised 840 ✓ (W2, A02, 窗口)
        //   C4 E2 督查审批: Tue 11:00 → Wed 10:00. used 60+240+60 = 360; due Wed 17:00, promised 60+240+420 = 720 ✓ (S, 督查)
        //   C4 E3 受理 again: Wed 10:00 → Thu 19th 09:40 (withdrawn by the applicant: no staff). The supervisor's refusal
        //        resumes the acceptance clock where 拟不予受理 stopped it (840 − 120 = 720 left, 15.4): due Thu 16:00.
        //        used 120+240+40 = 400; promised 120+240+360 = 720 ✓ (窗口)
        //   → 4 steps, 4 on time = 100.0%; used 1030 → 4.29 h → 4.3; promised 2820 → 11.75 h → 11.8; 1030/2820 = 36.52% → 36.5.
        //     Closed: C4 was withdrawn (撤回 Thu 09:40): it ended without a decision and is not 办结 → 0 closed, rate —.
        //  C6 (all before the period) and the open steps (C0 E2, C3 E2 before its end) count nowhere.
        Assert.Equal(
            [
                ["企业开办", 7, 5, 71.4, 3.1, 8.9, 34.7, 3, 2, 66.7],
                ["涉税办理（单独办理）", 4, 4, 100.0, 4.3, 11.8, 36.5, 0, 0, null],
            ],
            result.Rows(DashboardTables.Service));

        // 部门 (holder of E): 窗口工作人员 = C0E1, C1E1, C2E1, C5E1, C3E1, C4E1, C4E3: 7 steps, all on time;
        //   used 120+60+40+0+150+120+400 = 890 → 890/7/60 = 2.12 h → 2.1; promised 540+780+840+840+540+840+720 = 5100
        //   → 12.14 h → 12.1; 890/5100 = 17.45% → 17.5.
        // 市场监管 = C1E2 ✓, C2E2 ✗, C5E2 ✗: 3 steps, 1 on time = 33.3%; used 210+440+420 = 1070 → 5.94 h → 5.9;
        //   promised 720 → 4.0; 1070/720 = 148.6%.
        // 督查 = C4E2: 1 of 1; 360 → 6.0 h; 720 → 12.0 h; 50.0%.
        Assert.Equal(
            [
                ["窗口工作人员", 7, 7, 100.0, 2.1, 12.1, 17.5],
                ["市场监管", 3, 1, 33.3, 5.9, 4.0, 148.6],
                ["督查", 1, 1, 100.0, 6.0, 12.0, 50.0],
            ],
            result.Rows(DashboardTables.Department));

        // 工作人员 (the actor of F, staff only): W1 = C0E1, C1E1, C3E1: 3 of 3; used 120+60+150 = 330 → 1.83 h → 1.8;
        //   promised 540+780+540 = 1860 → 10.33 h → 10.3; 330/1860 = 17.7%.
        // M = C1E2, C2E2, C5E2 (as 市场监管 above). W2 = C2E1, C4E1: 2 of 2; used 40+120 = 160 → 1.33 h → 1.3;
        //   promised 1680 → 14.0; 160/1680 = 9.5%. S = C4E2. T ended nothing in the period; the applicant and the system are not staff.
        Assert.Equal(
            [
                ["一号窗员", 3, 3, 100.0, 1.8, 10.3, 17.7],
                ["三号审批", 3, 1, 33.3, 5.9, 4.0, 148.6],
                ["二号窗员", 2, 2, 100.0, 1.3, 14.0, 9.5],
                ["五号督查", 1, 1, 100.0, 6.0, 12.0, 50.0],
            ],
            result.Rows(DashboardTables.Staff));

        // 窗口: W1 sits at A01, W2 at A02; M and S have no window number and are not in this table.
        Assert.Equal(
            [
                ["A01", 3, 3, 100.0, 1.8, 10.3, 17.7],
                ["A02", 2, 2, 100.0, 1.3, 14.0, 9.5],
            ],
            result.Rows(DashboardTables.Window));

        // Total: 11 steps, 9 on time = 81.8%; used 2320 → 3.5 h; promised 6540 → 9.91 h → 9.9; 2320/6540 = 35.47% → 35.5.
        var total = result.Steps.Total;
        Assert.Equal((11, 9, 2320, 6540), (total.Steps, total.OnTime, total.UsedMinutes, total.PromisedMinutes));
        Assert.Equal((81.8, 3.5, 9.9, 35.5), (total.OnTimeRate, total.AverageUsedHours, total.AveragePromisedHours, total.UsedOfPromised));

        // ---- 排队叫号 (Tue 10th and Thu 12th; the numbers of 6 Nov and 23 Nov are outside the period):
        //  09h: A001 issued 09:00, called 09:10 (wait 10); A002 issued 09:20, called 09:35, recalled 09:40 (wait 20), 过号.
        //       → issued 2, called 2, wait (10+20)/2 = 15.0, no-shows 1.
        //  10h: A003 issued 10:05, called 10:10 (wait 5); A004 issued 10:30, never called → 2, 1, 5.0, 0.
        //  11h-13h: nothing. 14h (Thu): A001 issued 14:00, called 14:30 (wait 30) → 1, 1, 30.0, 0.
        Assert.Equal(
            [
                ["09:00-10:00", 2, 2, 15.0, 1],
                ["10:00-11:00", 2, 1, 5.0, 0],
                ["11:00-12:00", 0, 0, null, 0],
                ["12:00-13:00", 0, 0, null, 0],
                ["13:00-14:00", 0, 0, null, 0],
                ["14:00-15:00", 1, 1, 30.0, 0],
            ],
            result.Rows(DashboardTables.HallHours));

        //  A01: Tue A001 (wait 10, served 09:12-09:30 = 18) and A003 (wait 5, served 10:11-10:41 = 30)
        //       → called 2, served 2, no-shows 0, wait 7.5, service 24.0.
        //  A02: Tue A002 (wait 20, 过号) and Thu A001 (wait 30, serving, not finished)
        //       → called 2, served 1, no-shows 1, wait 25.0, no finished service.
        Assert.Equal(
            [
                ["A01", 2, 2, 0, 7.5, 24.0],
                ["A02", 2, 1, 1, 25.0, null],
            ],
            result.Rows(DashboardTables.HallWindows));
        Assert.Equal((5, 4, 1), (result.Hall.Issued, result.Hall.Called, result.Hall.NoShows));

        // The charts draw the same numbers: on-time rate per service on a 0-100 scale, issued numbers per hour.
        var serviceChart = result.Table(DashboardTables.Service).Chart!;
        Assert.Equal(100, serviceChart.Max);
        Assert.Equal([("企业开办", 71.4, "71.4%"), ("涉税办理（单独办理）", 100.0, "100.0%")], serviceChart.Bars.Select(b => (b.Label, b.Value, b.ValueText)));
        Assert.Equal(Math.Round(BarChart.BarAreaWidth * 0.714, 1), serviceChart.Bars[0].Width);
        Assert.Equal([2.0, 2.0, 0.0, 0.0, 0.0, 1.0], result.Table(DashboardTables.HallHours).Chart!.Bars.Select(b => b.Value));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_step_ended_at_the_periods_end_counts_in_the_next_period(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await SeedAsync(factory);

        // Sat 21st to Sun 22nd: only C3 E2 (Mon 16th 09:30 → Sat 21st 00:00) ends here. used Mon 09:30-12:00 150 +
        // 13:00-17:00 240 + Tue-Fri 4 × 420 = 2070; due Mon 14:30, promised 240 ✗; ended by T (税务, no window);
        // C3 is closed in this period and was never marked overdue.
        var weekend = await factory.StatisticsAsync(world.Supervisor, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22));

        Assert.Equal([["涉税办理（单独办理）", 1, 0, 0.0, 34.5, 4.0, 862.5, 1, 1, 100.0]], weekend.Rows(DashboardTables.Service));
        Assert.Equal([["税务", 1, 0, 0.0, 34.5, 4.0, 862.5]], weekend.Rows(DashboardTables.Department));
        Assert.Equal([["四号审批", 1, 0, 0.0, 34.5, 4.0, 862.5]], weekend.Rows(DashboardTables.Staff));
        Assert.Empty(weekend.Rows(DashboardTables.Window));
        Assert.Empty(weekend.Rows(DashboardTables.HallHours));
        Assert.Empty(weekend.Rows(DashboardTables.HallWindows));
        Assert.Equal(1, weekend.OverdueCount);
    }

    /// <summary>The people and case numbers of the hand-computed data set.</summary>
    private sealed record World(TestUser Supervisor, string C0, string C1, string C2, string C3, string C4, string C5, string C6);

    private static async Task<World> SeedAsync(PortalFactory factory)
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "申请人甲");
        var w1 = await factory.CreateStaffAsync(Roles.Window, "一号窗员", "A01");
        var w2 = await factory.CreateStaffAsync(Roles.Window, "二号窗员", "A02");
        var market = await factory.CreateStaffAsync(Department.Market.ReviewerRole(), "三号审批");
        var tax = await factory.CreateStaffAsync(Department.Tax.ReviewerRole(), "四号审批");
        var supervisor = await factory.CreateStaffAsync(Roles.Supervisor, "五号督查");

        // C6: entirely before the period.
        await using (var c6 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "TJ-C6", applicant, ChinaUtc(2026, 11, 2, 9)))
        {
            await c6.DoAsync(w1, CaseTrigger.Accept, ChinaUtc(2026, 11, 2, 10));
            await c6.DoAsync(market, CaseTrigger.Complete, ChinaUtc(2026, 11, 2, 11));
        }

        // C0: accepted exactly at the period's first instant (Mon 9th 00:00), then late and marked overdue, still open.
        await using (var c0 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "TJ-C0", applicant, ChinaUtc(2026, 11, 6, 15)))
        {
            await c0.DoAsync(w1, CaseTrigger.Accept, ChinaUtc(2026, 11, 9, 0));
            Assert.Equal(ChinaUtc(2026, 11, 9, 14), c0.Case.StepDueAt);
            await c0.MarkOverdueAsync(ChinaUtc(2026, 11, 9, 15));
        }

        // C1: on time throughout, with a note inside the 办理 step.
        await using (var c1 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "TJ-C1", applicant, ChinaUtc(2026, 11, 9, 10)))
        {
            await c1.DoAsync(w1, CaseTrigger.Accept, ChinaUtc(2026, 11, 9, 11));
            Assert.Equal(ChinaUtc(2026, 11, 9, 16), c1.Case.StepDueAt);
            await c1.NoteAsync(market, ChinaUtc(2026, 11, 9, 14));
            await c1.DoAsync(market, CaseTrigger.Complete, ChinaUtc(2026, 11, 9, 15, 30));
        }

        // C2: 办理 late, marked overdue by the sweep, then completed.
        await using (var c2 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "TJ-C2", applicant, ChinaUtc(2026, 11, 10, 9)))
        {
            await c2.DoAsync(w2, CaseTrigger.Accept, ChinaUtc(2026, 11, 10, 9, 40));
            Assert.Equal(ChinaUtc(2026, 11, 10, 14, 40), c2.Case.StepDueAt);
            await c2.MarkOverdueAsync(ChinaUtc(2026, 11, 10, 15));
            await c2.DoAsync(market, CaseTrigger.Complete, ChinaUtc(2026, 11, 11, 10));
        }

        // C3: 涉税办理 across a weekend; completed exactly at the period's end (Sat 21st 00:00).
        await using (var c3 = await factory.SubmitAtAsync(DashboardWorld.TaxAddon, "TJ-C3", applicant, ChinaUtc(2026, 11, 13, 15)))
        {
            Assert.Equal(ChinaUtc(2026, 11, 16, 17), c3.Case.StepDueAt);
            await c3.DoAsync(w1, CaseTrigger.Accept, ChinaUtc(2026, 11, 16, 9, 30));
            Assert.Equal(ChinaUtc(2026, 11, 16, 14, 30), c3.Case.StepDueAt);
            await c3.DoAsync(tax, CaseTrigger.Complete, ChinaUtc(2026, 11, 21, 0));
        }

        // C4: 拟不予受理 by the window, dismissed by the supervisor, withdrawn by the applicant.
        await using (var c4 = await factory.SubmitAtAsync(DashboardWorld.TaxAddon, "TJ-C4", applicant, ChinaUtc(2026, 11, 17, 9)))
        {
            await c4.DoAsync(w2, CaseTrigger.ProposeRejection, ChinaUtc(2026, 11, 17, 11), "材料与事项不符");
            Assert.Equal(ChinaUtc(2026, 11, 18, 17), c4.Case.StepDueAt);
            await c4.DoAsync(supervisor, CaseTrigger.DismissRejection, ChinaUtc(2026, 11, 18, 10), "材料齐全，应当受理");
            Assert.Equal(ChinaUtc(2026, 11, 19, 16), c4.Case.StepDueAt);
            await c4.DoAsync(applicant, CaseTrigger.Withdraw, ChinaUtc(2026, 11, 19, 9, 40));
        }

        // C5: accepted by the system at once (即报即得), 办理 late but never marked overdue.
        await using (var c5 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "TJ-C5", applicant, ChinaUtc(2026, 11, 19, 9)))
        {
            await c5.DoAsync(CaseActor.System, CaseTrigger.AutoAccept, ChinaUtc(2026, 11, 19, 9));
            await c5.DoAsync(market, CaseTrigger.Complete, ChinaUtc(2026, 11, 20, 9));
        }

        // Queue numbers. Fri 6th (before the period): taken, called and finished at A01.
        await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 6, 10));
        await factory.WindowAtAsync(w1, WindowAct.Action.CallNext, ChinaUtc(2026, 11, 6, 10, 20));
        await factory.WindowAtAsync(w1, WindowAct.Action.Serve, ChinaUtc(2026, 11, 6, 10, 21));
        await factory.WindowAtAsync(w1, WindowAct.Action.Finish, ChinaUtc(2026, 11, 6, 10, 50));

        // Tue 10th.
        Assert.Equal("A001", await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 10, 9)));
        Assert.Equal("A001", await factory.WindowAtAsync(w1, WindowAct.Action.CallNext, ChinaUtc(2026, 11, 10, 9, 10)));
        await factory.WindowAtAsync(w1, WindowAct.Action.Serve, ChinaUtc(2026, 11, 10, 9, 12));
        Assert.Equal("A002", await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 10, 9, 20)));
        await factory.WindowAtAsync(w1, WindowAct.Action.Finish, ChinaUtc(2026, 11, 10, 9, 30));
        Assert.Equal("A002", await factory.WindowAtAsync(w2, WindowAct.Action.CallNext, ChinaUtc(2026, 11, 10, 9, 35)));
        await factory.WindowAtAsync(w2, WindowAct.Action.Recall, ChinaUtc(2026, 11, 10, 9, 40));
        await factory.WindowAtAsync(w2, WindowAct.Action.NoShow, ChinaUtc(2026, 11, 10, 9, 45));
        Assert.Equal("A003", await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 10, 10, 5)));
        Assert.Equal("A003", await factory.WindowAtAsync(w1, WindowAct.Action.CallNext, ChinaUtc(2026, 11, 10, 10, 10)));
        await factory.WindowAtAsync(w1, WindowAct.Action.Serve, ChinaUtc(2026, 11, 10, 10, 11));
        Assert.Equal("A004", await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 10, 10, 30)));
        await factory.WindowAtAsync(w1, WindowAct.Action.Finish, ChinaUtc(2026, 11, 10, 10, 41));

        // Thu 12th.
        Assert.Equal("A001", await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 12, 14)));
        Assert.Equal("A001", await factory.WindowAtAsync(w2, WindowAct.Action.CallNext, ChinaUtc(2026, 11, 12, 14, 30)));
        await factory.WindowAtAsync(w2, WindowAct.Action.Serve, ChinaUtc(2026, 11, 12, 14, 31));

        // Mon 23rd (after the period).
        await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 23, 9));

        return new World(supervisor, "TJ-C0", "TJ-C1", "TJ-C2", "TJ-C3", "TJ-C4", "TJ-C5", "TJ-C6");
    }
}
