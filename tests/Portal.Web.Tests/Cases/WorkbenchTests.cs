using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Cases;

/// <summary>The staff workbench (Queue.Query): who sees which open case, in which order, in which colour.</summary>
public sealed class WorkbenchTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Market_reviewer_sees_accepted_cases_sorted_by_deadline(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var first = await factory.SubmitCaseAsync(applicant, "第一个提交");
        var second = await factory.SubmitCaseAsync(applicant, "第二个提交");
        var third = await factory.SubmitCaseAsync(applicant, "第三个提交");

        // Accepted in a different order from the one they were submitted in.
        factory.Time.SetChina(2026, 11, 23, 9);
        await factory.ActNowAsync(window, third, CaseTrigger.Accept);   // due Mon 13:30 (0.5 working day = 3 h 30 min)
        factory.Time.SetChina(2026, 11, 23, 10);
        await factory.ActNowAsync(window, first, CaseTrigger.Accept);   // due Mon 14:30
        factory.Time.SetChina(2026, 11, 23, 11);
        await factory.ActNowAsync(window, second, CaseTrigger.Accept);  // due Mon 15:30

        var queue = await factory.SendAs(market, new Queue.Query());

        Assert.Equal(3, queue.Total);
        Assert.Equal([third, first, second], queue.Rows.Select(r => r.Number));
        Assert.All(queue.Rows, r => Assert.Equal(CaseState.InProgress.Label(), r.State));
        Assert.All(queue.Rows, r => Assert.Equal(Roles.Label(Department.Market.ReviewerRole()), r.Holder));
        var stored = new List<DateTime?>();
        foreach (var row in queue.Rows)
        {
            stored.Add((await factory.LoadCaseAsync(row.Number)).StepDueAt);
        }

        Assert.Equal(
            [Scenario.ChinaUtc(2026, 11, 23, 13, 30), Scenario.ChinaUtc(2026, 11, 23, 14, 30), Scenario.ChinaUtc(2026, 11, 23, 15, 30)],
            stored);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_queue_holds_only_cases_waiting_for_acceptance(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var waiting = await factory.SubmitCaseAsync(applicant, "待受理");
        var accepted = await factory.SubmitCaseAsync(applicant, "已受理");
        var supplement = await factory.SubmitCaseAsync(applicant, "待补正");
        await factory.ActNowAsync(window, accepted, CaseTrigger.Accept);
        await factory.ActNowAsync(window, supplement, CaseTrigger.RequestSupplement, "公司章程");

        var queue = await factory.SendAs(window, new Queue.Query());

        var row = Assert.Single(queue.Rows);
        Assert.Equal(1, queue.Total);
        Assert.Equal(waiting, row.Number);
        Assert.Equal(CaseState.Submitted.Label(), row.State);
        Assert.Equal(Roles.Label(Roles.Window), row.Holder);
        Assert.Equal([Roles.Label(Roles.Window)], queue.RoleLabels);
    }

    [Fact]
    public async Task Deadline_colour_turns_yellow_after_three_quarters_of_the_office_time_and_red_after_the_deadline()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);

        // 0.5 working day (3 h 30 min of office time) from Mon 09:00: due Mon 13:30; 75% (158 minutes) are used at Mon 11:38.
        var stored = await factory.LoadCaseAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 11, 38), stored.StepWarnAt);

        async Task<DeadlineStatus> Colour() => Assert.Single((await factory.SendAs(market, new Queue.Query())).Rows).Deadline.Status;

        Assert.Equal(DeadlineStatus.OnTrack, await Colour());
        factory.Time.SetChina(2026, 11, 23, 11, 37);
        Assert.Equal(DeadlineStatus.OnTrack, await Colour());
        factory.Time.SetChina(2026, 11, 23, 12, 30);
        Assert.Equal(DeadlineStatus.Warning, await Colour());
        factory.Time.SetChina(2026, 11, 23, 13, 30);
        Assert.Equal(DeadlineStatus.Warning, await Colour());
        factory.Time.SetChina(2026, 11, 23, 13, 31);
        var late = Assert.Single((await factory.SendAs(market, new Queue.Query())).Rows);
        Assert.Equal(DeadlineStatus.Overdue, late.Deadline.Status);
        Assert.Contains("已超时", late.Deadline.Text);
    }

    [Fact]
    public async Task Tax_reviewer_queue_is_empty_when_only_establishment_cases_are_open()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());
        await factory.SubmitCaseAsync(applicant);
        var accepted = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, accepted, CaseTrigger.Accept);

        var queue = await factory.SendAs(tax, new Queue.Query());

        Assert.Empty(queue.Rows);
        Assert.Equal(0, queue.Total);
    }
}
