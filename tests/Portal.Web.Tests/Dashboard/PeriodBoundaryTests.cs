using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Dashboard;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.Scenario;

namespace Portal.Web.Tests.Dashboard;

/// <summary>
/// The period's edges through the database, on SQLite and PostgreSQL: a step or a closing exactly at the period's
/// first instant (00:00 local) is in it, one exactly at the day after its last day 00:00 is not (it belongs to the
/// next period), and queue numbers count by the local day they were taken.
/// Promises: 受理 1 working day, 办理 4 office hours (<see cref="DashboardWorld.Limits"/>).
/// </summary>
public sealed class PeriodBoundaryTests
{
    private static readonly DateOnly Monday = new(2026, 11, 9);
    private static readonly DateOnly Tuesday = new(2026, 11, 10);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Rows_at_the_periods_first_instant_count_and_rows_at_its_end_count_in_the_next_period(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "申请人乙");
        var clerk = await factory.CreateStaffAsync(Roles.Window, "窗口甲", "A01");
        var market = await factory.CreateStaffAsync(Department.Market.ReviewerRole(), "审批甲");
        var supervisor = await factory.CreateStaffAsync(Roles.Supervisor, "督查甲");

        // B1: submitted Fri 6th 09:00, accepted exactly Mon 9th 00:00.
        await using (var b1 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "BD-1", applicant, ChinaUtc(2026, 11, 6, 9)))
        {
            await b1.DoAsync(clerk, CaseTrigger.Accept, ChinaUtc(2026, 11, 9, 0));
        }

        // B2: submitted Mon 09:00, accepted one millisecond before Tue 10th 00:00.
        await using (var b2 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "BD-2", applicant, ChinaUtc(2026, 11, 9, 9)))
        {
            await b2.DoAsync(clerk, CaseTrigger.Accept, ChinaUtc(2026, 11, 10, 0).AddMilliseconds(-1));
        }

        // B3: submitted Mon 09:20, accepted exactly Tue 10th 00:00.
        await using (var b3 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "BD-3", applicant, ChinaUtc(2026, 11, 9, 9, 20)))
        {
            await b3.DoAsync(clerk, CaseTrigger.Accept, ChinaUtc(2026, 11, 10, 0));
        }

        // B4: submitted Mon 10:00, accepted 10:40 (办理 due 15:40), completed exactly Tue 10th 00:00.
        await using (var b4 = await factory.SubmitAtAsync(DashboardWorld.Establishment, "BD-4", applicant, ChinaUtc(2026, 11, 9, 10)))
        {
            await b4.DoAsync(clerk, CaseTrigger.Accept, ChinaUtc(2026, 11, 9, 10, 40));
            Assert.Equal(ChinaUtc(2026, 11, 9, 15, 40), b4.Case.StepDueAt);
            await b4.DoAsync(market, CaseTrigger.Complete, ChinaUtc(2026, 11, 10, 0));
        }

        await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 9, 16, 59));
        await factory.TakeNumberAtAsync(ChinaUtc(2026, 11, 10, 8, 59));

        // Monday [Mon 00:00, Tue 00:00):
        //  B1 E1 Fri 09:00 → Mon 00:00: used Fri 420; due Mon 17:00, promised 420+420 = 840 ✓
        //  B2 E1 Mon 09:00 → Mon 23:59:59.999: used 420; due Tue 17:00, promised 840 ✓
        //  B4 E1 Mon 10:00 → 10:40: used 40; due Tue 17:00, promised 120+240+420 = 780 ✓
        //  → 3 steps, all on time; used 880 → 880/3/60 = 4.89 h → 4.9; promised 2460 → 13.67 h → 13.7; 880/2460 = 35.8%.
        //  Nothing closed on Monday (B4 closes at Tue 00:00). One number taken 16:59.
        var monday = await factory.StatisticsAsync(supervisor, Monday, Monday);
        Assert.Equal([["企业开办", 3, 3, 100.0, 4.9, 13.7, 35.8, 0, 0, null]], monday.Rows(DashboardTables.Service));
        Assert.Equal([["16:00-17:00", 1, 0, null, 0]], monday.Rows(DashboardTables.HallHours));

        // Tuesday [Tue 00:00, Wed 00:00):
        //  B3 E1 Mon 09:20 → Tue 00:00: used 160+240 = 400; due Tue 17:00, promised 400+420 = 820 ✓
        //  B4 E2 Mon 10:40 → Tue 00:00: used 80+240 = 320; due Mon 15:40, promised 240 ✗
        //  → 2 steps, 1 on time = 50.0%; used 720 → 6.0 h; promised 1060 → 8.83 h → 8.8; 720/1060 = 67.9%.
        //  B4 closed Tue 00:00, never marked overdue → 1 closed, 1 never overdue. One number taken 08:59.
        var tuesday = await factory.StatisticsAsync(supervisor, Tuesday, Tuesday);
        Assert.Equal([["企业开办", 2, 1, 50.0, 6.0, 8.8, 67.9, 1, 1, 100.0]], tuesday.Rows(DashboardTables.Service));
        Assert.Equal([["08:00-09:00", 1, 0, null, 0]], tuesday.Rows(DashboardTables.HallHours));

        // The day before holds none of it (B1's submission is a step start, not an end).
        var friday = await factory.StatisticsAsync(supervisor, new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 8));
        Assert.Empty(friday.Rows(DashboardTables.Service));
        Assert.Empty(friday.Rows(DashboardTables.HallHours));
        Assert.Equal(0, friday.Steps.Total.Steps);
    }
}
