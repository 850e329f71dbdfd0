using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Web.Features.Promises;
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
        await UseYichengAsync(factory);
        var first = await factory.SubmitCaseAsync(applicant, "第一个提交");
        var second = await factory.SubmitCaseAsync(applicant, "第二个提交");
        var third = await factory.SubmitCaseAsync(applicant, "第三个提交");

        // 企业开办 is promised over the whole process from submission (峄城区: 0.5个工作日 = 3 h 30 min, 002:9). A 补正
        // before 受理 pauses each clock with all of it left; the applicant supplies in a different order from the one
        // the cases were submitted in, each clock resumes then, and 受理 carries it.
        foreach (var number in new[] { first, second, third })
        {
            await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "公司章程");
        }

        async Task ResumeAsync(string number, int hour)
        {
            factory.Time.SetChina(2026, 11, 23, hour);
            await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);
            await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        }

        await ResumeAsync(third, 9);   // due Mon 13:30
        await ResumeAsync(first, 10);  // due Mon 14:30
        await ResumeAsync(second, 11); // due Mon 15:30

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
        await UseYichengAsync(factory);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);

        // 峄城区's 0.5 working day (3 h 30 min of office time) over the whole process from the submission on Mon 09:00:
        // due Mon 13:30; 75% (158 minutes) are used at Mon 11:38.
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

    /// <summary>The 峄城区 profile: 企业开办 0.5个工作日 over the whole process (002:9), short enough to cross within a day.</summary>
    internal static async Task UseYichengAsync(PortalFactory factory)
    {
        var admin = await factory.CreateUserAsync(Roles.Admin, "配置管理员");
        await factory.SendAs(admin, new SwitchProfile.Command { Profile = PolicyProfiles.Yicheng.Code });
    }
}
