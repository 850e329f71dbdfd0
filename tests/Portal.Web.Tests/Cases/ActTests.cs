using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Cases;

/// <summary>Act.Command through the whole MediatR pipeline, as real users, on both databases.</summary>
public sealed class ActTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_accepting_moves_the_case_to_in_progress_with_one_history_row_and_a_stored_deadline(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.SubmitCaseAsync(applicant);
        var shown = await factory.ShownVersionAsync(window, number);
        var before = await factory.SnapshotAsync(number);

        await factory.ActAsync(window, number, CaseTrigger.Accept, shown);

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(shown + 1, c.Version);
        Assert.Equal(window.Id, c.OwnerId);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), c.AcceptedAt);

        // 枣庄市: 企业开办 1 working day (the portal's default; 000 sets none) over the whole process from the submission,
        // Mon 09:00 → Tue 17:00 China = 09:00 UTC, carried through 受理.
        Assert.Equal(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), c.StepDueAt);
        Assert.Equal(DateTimeKind.Utc, c.StepDueAt!.Value.Kind);
        Assert.Equal(2 * 420, c.StepLimitMinutes);
        Assert.Equal("1个工作日", c.StepLimitText);

        var history = await factory.HistoryAsync(number);
        Assert.Equal(before.HistoryCount + 1, history.Count);
        var row = Assert.Single(history, e => e.Action == nameof(CaseTrigger.Accept));
        Assert.Equal(window.Id, row.ActorId);
        Assert.Equal("王窗口", row.ActorName);
        Assert.Equal(Roles.Label(Roles.Window), row.ActorRole);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), row.At);
        Assert.Equal(CaseState.Submitted, row.FromState);
        Assert.Equal(CaseState.InProgress, row.ToState);
        Assert.Equal(c.StepDueAt, row.DueAt);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supplement_request_without_the_list_of_missing_items_is_refused_in_Chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var before = await factory.SnapshotAsync(number);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.ActAsync(window, number, CaseTrigger.RequestSupplement, before.Version, reason: "   "));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(Act.Command.Reason), error.Field);
        Assert.Equal("请一次性列明需要补正的全部材料。", error.Message);
        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_clerk_cannot_approve_a_rejection(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "经营范围涉及前置许可，未提交许可证明");
        var before = await factory.SnapshotAsync(number);
        Assert.Equal(CaseState.RejectionProposed, before.State);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.ActAsync(window, number, CaseTrigger.ApproveRejection, before.Version));

        Assert.Contains("窗口无否决权", refused.Message);
        Assert.Contains(CaseWorkflow.WindowCannotRejectRule, refused.Reasons);
        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Second_supplement_request_is_refused_by_the_one_time_notice_rule(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 公司章程\n2. 住所使用证明");
        await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);
        var before = await factory.SnapshotAsync(number);
        Assert.Equal(CaseState.Submitted, before.State);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.ActAsync(window, number, CaseTrigger.RequestSupplement, before.Version, "3. 股东身份证明"));

        Assert.Contains("一次性告知", refused.Message);
        Assert.Contains(CaseWorkflow.SupplementOnceRule, refused.Reasons);
        Assert.Equal(before, await factory.SnapshotAsync(number));
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(1, c.SupplementCount);
        Assert.Equal("1. 公司章程\n2. 住所使用证明", c.SupplementItems);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supervisor_override_allows_a_second_supplement_request(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 公司章程");
        await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);

        await factory.ActNowAsync(supervisor, number, CaseTrigger.RequestSupplement, "2. 股东会决议", supervisorOverride: true);

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.AwaitingSupplement, c.State);
        Assert.Equal(2, c.SupplementCount);
        Assert.Equal("2. 股东会决议", c.SupplementItems);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supervisor_approves_a_rejection_proposal(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "赵督查");
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "企业名称与已登记企业重名");
        factory.Time.Advance(TimeSpan.FromMinutes(30));

        var shown = await factory.ShownVersionAsync(supervisor, number);
        var view = await factory.SendAs(supervisor, new CaseView.Query { Number = number });
        Assert.Contains(CaseTrigger.ApproveRejection, view.Actions);
        await factory.ActAsync(supervisor, number, CaseTrigger.ApproveRejection, shown);

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Rejected, c.State);
        Assert.Equal("企业名称与已登记企业重名", c.RejectionReason);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 30), c.ClosedAt);
        Assert.Null(c.StepDueAt);
        var last = (await factory.HistoryAsync(number))[^1];
        Assert.Equal(nameof(CaseTrigger.ApproveRejection), last.Action);
        Assert.Equal(supervisor.Id, last.ActorId);
        Assert.Equal(CaseState.RejectionProposed, last.FromState);
        Assert.Equal(CaseState.Rejected, last.ToState);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Market_reviewer_cannot_complete_a_case_that_was_not_accepted(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);
        var before = await factory.SnapshotAsync(number);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.ActAsync(market, number, CaseTrigger.Complete, before.Version));

        Assert.Contains("当前状态「待受理」不能执行「办结」", refused.Message);
        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Refused_commands_leave_state_version_and_history_as_they_were(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        var before = await factory.SnapshotAsync(number);
        var version = before.Version;

        var refusals = new (string Why, Func<Task> Send)[]
        {
            ("accept twice", () => factory.ActAsync(window, number, CaseTrigger.Accept, version)),
            ("window completes", () => factory.ActAsync(window, number, CaseTrigger.Complete, version)),
            ("applicant completes", () => factory.ActAsync(applicant, number, CaseTrigger.Complete, version)),
            ("tax completes", () => factory.ActAsync(tax, number, CaseTrigger.Complete, version)),
            ("stale version", () => factory.ActAsync(market, number, CaseTrigger.Complete, version - 1)),
            ("rejection without reason", () => factory.ActAsync(market, number, CaseTrigger.ProposeRejection, version)),
            ("anonymous", () => factory.SendAs(null, new Act.Command { Number = number, Trigger = CaseTrigger.Complete, ExpectedVersion = version })),
            ("withdraw while in progress", () => factory.ActAsync(applicant, number, CaseTrigger.Withdraw, version)),
        };

        foreach (var (why, send) in refusals)
        {
            var failure = await Scenario.Outcome(send);
            Assert.True(failure is PortalException, $"{why}: expected a refusal, got {failure?.GetType().Name ?? "success"}");
            Assert.True(before == await factory.SnapshotAsync(number), $"{why} changed the case");
        }
    }
}
