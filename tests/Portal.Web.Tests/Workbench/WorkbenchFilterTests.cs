using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>The 待办 list's filters: 事项, 状态, 时限 (the same colours as the rows), search and 我负责的.</summary>
public sealed class WorkbenchFilterTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Service_filter_keeps_only_the_cases_of_that_service(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var establishment = await factory.SubmitCaseAsync(applicant, "枣庄青禾科技有限公司 设立登记");
        var deregistration = await world.StartSimpleAsync();

        var all = await factory.QueueAsync(world.Window);
        var onlyEstablishment = await factory.QueueAsync(world.Window, new Queue.Query { Service = EstablishmentService.Code });
        var onlyDeregistration = await factory.QueueAsync(world.Window, new Queue.Query { Service = DeregistrationService.SimpleCode });
        var none = await factory.QueueAsync(world.Window, new Queue.Query { Service = DeregistrationService.OrdinaryCode });

        Assert.Equal(2, all.Total);
        Assert.Equal([deregistration, establishment], all.Rows.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.Equal([establishment], onlyEstablishment.Rows.Select(r => r.Number));
        Assert.Equal(1, onlyEstablishment.Total);
        Assert.Equal("企业开办", onlyEstablishment.Rows[0].Service);
        Assert.Equal([deregistration], onlyDeregistration.Rows.Select(r => r.Number));
        Assert.Equal(1, onlyDeregistration.Total);
        Assert.Equal(DeregistrationService.Simple.Name, onlyDeregistration.Rows[0].Service);
        Assert.Empty(none.Rows);
        Assert.Equal(0, none.Total);
        Assert.Contains((DeregistrationService.SimpleCode, DeregistrationService.Simple.Name), all.Services);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task State_filter_keeps_only_the_cases_in_that_state(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var establishment = await factory.SubmitCaseAsync(applicant, "枣庄青禾科技有限公司 设立登记");
        await factory.ActNowAsync(world.Window, establishment, CaseTrigger.Accept);
        var inNotice = await world.StartSimpleInNoticeAsync();

        var all = await factory.NumbersAsync(world.Market, new Queue.Query());
        var inProgress = await factory.QueueAsync(world.Market, new Queue.Query { State = CaseState.InProgress });
        var notice = await factory.QueueAsync(world.Market, new Queue.Query { State = CaseState.NoticePeriod });
        var waiting = await factory.QueueAsync(world.Market, new Queue.Query { State = CaseState.Submitted });

        Assert.Equal(2, all.Count);
        Assert.Contains(establishment, all);
        Assert.Contains(inNotice, all);
        Assert.Equal([establishment], inProgress.Rows.Select(r => r.Number));
        Assert.Equal(1, inProgress.Total);
        Assert.Equal(CaseState.InProgress.Label(), inProgress.Rows[0].State);
        Assert.Equal([inNotice], notice.Rows.Select(r => r.Number));
        Assert.Equal(CaseState.NoticePeriod.Label(), notice.Rows[0].State);
        Assert.Empty(waiting.Rows);
        Assert.Contains((CaseState.NoticePeriod, CaseState.NoticePeriod.Label()), inProgress.States);
        Assert.DoesNotContain(inProgress.States, s => s.State.IsFinal());
    }

    /// <summary>
    /// Case A is accepted at 09:00 (yellow from its stored 75% mark, red after its stored deadline), case B later. At each
    /// instant, each 时限 filter returns exactly the rows whose colour is that one, and the boundaries fall where
    /// DeadlineView puts them: yellow at exactly StepWarnAt, still yellow at exactly StepDueAt, red one second later.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Deadline_filter_matches_the_row_colours_at_the_exact_warning_and_due_instants(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        // 峄城区: 企业开办 0.5个工作日 over the whole process from submission (002:9); B is submitted two hours after A.
        await Portal.Web.Tests.Cases.WorkbenchTests.UseYichengAsync(factory);
        var a = await factory.SubmitCaseAsync(applicant, "甲公司 设立登记");
        await factory.ActNowAsync(window, a, CaseTrigger.Accept);
        factory.Time.SetChina(2026, 11, 23, 11);
        var b = await factory.SubmitCaseAsync(applicant, "乙公司 设立登记");
        await factory.ActNowAsync(window, b, CaseTrigger.Accept);
        var storedA = await factory.LoadCaseAsync(a);
        var storedB = await factory.LoadCaseAsync(b);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 11, 38), storedA.StepWarnAt);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 13, 30), storedA.StepDueAt);
        Assert.True(storedB.StepWarnAt > storedA.StepDueAt, "B must still be green when A turns red");

        async Task<Dictionary<DeadlineStatus, IReadOnlyList<string>>> FilteredAsync()
        {
            var result = new Dictionary<DeadlineStatus, IReadOnlyList<string>>();
            foreach (var status in new[] { DeadlineStatus.OnTrack, DeadlineStatus.Warning, DeadlineStatus.Overdue })
            {
                var queue = await factory.QueueAsync(market, new Queue.Query { Deadline = status });
                Assert.Equal(queue.Rows.Count, queue.Total);
                Assert.All(queue.Rows, r => Assert.Equal(status, r.Deadline.Status));
                result[status] = queue.Rows.Select(r => r.Number).ToList();
            }

            // Every row of the unfiltered list is in exactly the filter of its colour.
            var all = await factory.QueueAsync(market);
            Assert.Equal(2, all.Total);
            foreach (var row in all.Rows)
            {
                Assert.Equal([row.Deadline.Status], result.Where(f => f.Value.Contains(row.Number)).Select(f => f.Key));
            }

            return result;
        }

        factory.Time.Set(new DateTimeOffset(storedA.StepWarnAt!.Value.AddMinutes(-1), TimeSpan.Zero));
        var beforeWarning = await FilteredAsync();
        Assert.Equal([a, b], beforeWarning[DeadlineStatus.OnTrack]);
        Assert.Empty(beforeWarning[DeadlineStatus.Warning]);

        factory.Time.Set(new DateTimeOffset(storedA.StepWarnAt!.Value, TimeSpan.Zero));
        var atWarning = await FilteredAsync();
        Assert.Equal([a], atWarning[DeadlineStatus.Warning]);
        Assert.Equal([b], atWarning[DeadlineStatus.OnTrack]);
        Assert.Empty(atWarning[DeadlineStatus.Overdue]);

        factory.Time.Set(new DateTimeOffset(storedA.StepDueAt!.Value, TimeSpan.Zero));
        var atDue = await FilteredAsync();
        Assert.Equal([a], atDue[DeadlineStatus.Warning]);
        Assert.Empty(atDue[DeadlineStatus.Overdue]);

        factory.Time.Set(new DateTimeOffset(storedA.StepDueAt!.Value.AddSeconds(1), TimeSpan.Zero));
        var late = await FilteredAsync();
        Assert.Equal([a], late[DeadlineStatus.Overdue]);
        Assert.Empty(late[DeadlineStatus.Warning]);
        Assert.Equal([b], late[DeadlineStatus.OnTrack]);

        factory.Time.Set(new DateTimeOffset(storedB.StepWarnAt!.Value, TimeSpan.Zero));
        var bothLate = await FilteredAsync();
        Assert.Equal([a], bothLate[DeadlineStatus.Overdue]);
        Assert.Equal([b], bothLate[DeadlineStatus.Warning]);
        Assert.Empty(bothLate[DeadlineStatus.OnTrack]);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Search_finds_cases_by_part_of_the_number_the_applicant_or_the_title(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var zhang = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var li = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var window = await factory.CreateUserAsync(Roles.Window);
        var first = await factory.SubmitCaseAsync(zhang, "枣庄青禾科技有限公司 设立登记");
        var second = await factory.SubmitCaseAsync(li, "泰安远航物流有限公司 设立登记");
        var third = await factory.SubmitCaseAsync(li, "枣庄惠民餐饮有限公司 设立登记");

        Task<IReadOnlyList<string>> Search(string text) => factory.NumbersAsync(window, new Queue.Query { Search = text });

        Assert.Equal([second], await Search(second[^6..]));
        Assert.Equal([second], await Search(second.ToLowerInvariant()));
        Assert.Equal([first], await Search("张明"));
        Assert.Equal([second, third], await Search(" 李华 "));
        Assert.Equal([second], await Search("远航"));
        Assert.Equal([first, third], await Search("枣庄"));
        Assert.Equal([first, second, third], await Search(""));
        var nothing = await factory.QueueAsync(window, new Queue.Query { Search = "不存在的企业" });
        Assert.Empty(nothing.Rows);
        Assert.Equal(0, nothing.Total);

        // Combined with another filter, both apply.
        Assert.Equal([third], await factory.NumbersAsync(window, new Queue.Query { Search = "惠民", Service = EstablishmentService.Code, State = CaseState.Submitted }));
        Assert.Empty(await factory.NumbersAsync(window, new Queue.Query { Search = "李华", Service = DeregistrationService.SimpleCode }));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Mine_keeps_the_cases_whose_first_responsible_clerk_is_me(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerkA = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var clerkB = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var ofA = await factory.SubmitCaseAsync(applicant, "甲负责");
        var ofB = await factory.SubmitCaseAsync(applicant, "乙负责");
        var nobodys = await factory.SubmitCaseAsync(applicant, "尚无人负责");

        // 一次性告知 by each clerk makes them 首问负责人; the applicant's supplement brings the case back to the window.
        await factory.ActNowAsync(clerkA, ofA, CaseTrigger.RequestSupplement, "公司章程");
        await factory.ActNowAsync(clerkB, ofB, CaseTrigger.RequestSupplement, "股东会决议");
        await factory.ActNowAsync(applicant, ofA, CaseTrigger.SubmitSupplement, "已补交公司章程");
        await factory.ActNowAsync(applicant, ofB, CaseTrigger.SubmitSupplement, "已补交股东会决议");

        var everything = await factory.QueueAsync(clerkA);
        Assert.Equal(3, everything.Total);
        Assert.Equal([ofA], everything.Rows.Where(r => r.Mine).Select(r => r.Number));
        Assert.Equal("窗口乙", everything.Rows.Single(r => r.Number == ofB).Owner);
        Assert.Null(everything.Rows.Single(r => r.Number == nobodys).Owner);

        var minesOfA = await factory.QueueAsync(clerkA, new Queue.Query { Mine = true });
        Assert.Equal([ofA], minesOfA.Rows.Select(r => r.Number));
        Assert.Equal(1, minesOfA.Total);
        Assert.All(minesOfA.Rows, r => Assert.True(r.Mine));
        Assert.Equal([ofB], await factory.NumbersAsync(clerkB, new Queue.Query { Mine = true }));
        var third = await factory.CreateUserAsync(Roles.Window, "窗口丙");
        Assert.Empty(await factory.NumbersAsync(third, new Queue.Query { Mine = true }));
        Assert.Equal(3, (await factory.QueueAsync(third)).Total);
    }
}
