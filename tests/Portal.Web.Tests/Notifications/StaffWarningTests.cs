using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Features.Messages;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>
/// The yellow mark (75% of a step's limit used): the sweep marks the case once and the staff holding the step hear about
/// it once — one message in the holder role's inbox that every member sees, and one to the case's owner when the owner is
/// not in that role; a new step warns again at its own mark.
/// </summary>
public sealed class StaffWarningTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Passing_the_75_percent_mark_puts_one_warning_in_the_window_inbox_that_each_clerk_sees_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window1 = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var window2 = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var number = await factory.SubmitCaseAsync(applicant, "枣庄预警科技有限公司");
        var submitted = await factory.LoadCaseAsync(number);

        // Acceptance: 1 working day from Monday 09:00 = Tuesday 17:00; 75% of 840 office minutes → Tuesday 13:30.
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), submitted.StepDueAt);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 13, 30), submitted.StepWarnAt);
        Assert.Null(submitted.WarnedStepAt);

        // Before the mark: nothing.
        factory.Time.SetChina(2026, 11, 24, 13, 29);
        Assert.Equal(0, await factory.SweepAsync());
        Assert.Null((await factory.LoadCaseAsync(number)).WarnedStepAt);
        Assert.Empty(await factory.NotificationsAsync());

        factory.Time.SetChina(2026, 11, 24, 13, 45);
        Assert.Equal(0, await factory.SweepAsync()); // the count is of overdue marks; the yellow mark is not one

        var warned = await factory.LoadCaseAsync(number);
        Assert.Equal(warned.StepStartedAt, warned.WarnedStepAt); // this step was warned
        Assert.False(warned.IsOverdue);
        Assert.Equal(submitted.Version, warned.Version); // no version change: open forms stay valid
        Assert.Equal(submitted.History.Count, warned.History.Count); // a flag, not a history row
        Assert.Equal(submitted.StepDueAt, warned.StepDueAt);

        var all = await factory.NotificationsAsync();
        Assert.All(all, n => Assert.Equal(NotificationKind.StepWarning, n.Kind));
        var message = Assert.Single(all); // one message for the role, not one per clerk
        Assert.Equal(Roles.Window, message.RecipientRole);
        Assert.Equal("", message.RecipientId);
        Assert.All(all, n =>
        {
            Assert.Equal("办件时限预警", n.Title);
            Assert.Equal(number, n.CaseNumber);
            Assert.Equal($"/Cases/{number}", n.Link);
            Assert.Contains(number, n.Body);
            Assert.Contains("待受理", n.Body);
            Assert.Contains("75%", n.Body);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 13, 45), n.CreatedAt);
        });

        // A second sweep (later, still before the deadline) marks and sends nothing more.
        factory.Time.SetChina(2026, 11, 24, 16);
        Assert.Equal(0, await factory.SweepAsync());
        Assert.Equal(all.Select(n => n.Id), (await factory.NotificationsAsync()).Select(n => n.Id));
        Assert.Equal(warned.Version, (await factory.LoadCaseAsync(number)).Version);

        // Each clerk sees it in their 消息 inbox, unread; nobody outside the window role does.
        foreach (var clerk in new[] { window1, window2 })
        {
            var inbox = await factory.SendAs(clerk, new Inbox.Query());
            var row = Assert.Single(inbox.Rows);
            Assert.Equal("时限预警", row.Kind);
            Assert.True(row.Unread);
            Assert.Equal(1, inbox.Unread);
        }

        foreach (var outsider in new[] { applicant, market, supervisor })
        {
            Assert.Empty((await factory.SendAs(outsider, new Inbox.Query())).Rows);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Yellow_mark_does_not_make_a_form_opened_before_it_stale(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        factory.Time.SetChina(2026, 11, 24, 13);
        var shown = await factory.ShownVersionAsync(window, number);

        factory.Time.SetChina(2026, 11, 24, 14);
        await factory.SweepAsync();
        Assert.Single(await factory.NotificationsOfAsync(NotificationKind.StepWarning));

        await factory.ActAsync(window, number, CaseTrigger.Accept, shown);
        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_new_step_resets_the_mark_so_the_75_percent_it_carries_warns_the_new_holders_and_the_owner(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window1 = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var window2 = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var market1 = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管甲");
        var market2 = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管乙");
        var number = await factory.SubmitCaseAsync(applicant);
        factory.Time.SetChina(2026, 11, 24, 14);
        await factory.SweepAsync();
        Assert.Equal(Roles.Window, Assert.Single(await factory.NotificationsOfAsync(NotificationKind.StepWarning)).RecipientRole);

        await factory.SweepAsync();
        Assert.Single(await factory.NotificationsOfAsync(NotificationKind.StepWarning)); // warned once per step

        // Window 甲 accepts (and owns the case). 企业开办 is promised over the whole process (枣庄市: the portal's
        // 1个工作日 from the submission on Monday 09:00 → Tuesday 17:00, yellow at Tuesday 13:30), so 办理中 carries
        // that clock: its 75% mark has already passed, and the new holders have not been warned yet.
        await factory.ActNowAsync(window1, number, CaseTrigger.Accept);
        var accepted = await factory.LoadCaseAsync(number);
        Assert.NotEqual(accepted.StepStartedAt, accepted.WarnedStepAt); // the new step is not warned yet
        Assert.Equal(window1.Id, accepted.OwnerId);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), accepted.StepDueAt);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 13, 30), accepted.StepWarnAt);
        Assert.Single(await factory.NotificationsOfAsync(NotificationKind.StepWarning));

        factory.Time.SetChina(2026, 11, 24, 14, 5);
        await factory.SweepAsync();
        await factory.SweepAsync();

        var inProgress = await factory.LoadCaseAsync(number);
        Assert.Equal(inProgress.StepStartedAt, inProgress.WarnedStepAt);
        var yellow = await factory.NotificationsOfAsync(NotificationKind.StepWarning);
        Assert.Equal(3, yellow.Count); // the window inbox for 待受理, then the market inbox and the owner (not a market reviewer) for 办理中
        var second = yellow.Where(n => n.CreatedAt == Scenario.ChinaUtc(2026, 11, 24, 14, 5)).ToList();
        Assert.Equal(
            new[] { Department.Market.ReviewerRole(), window1.Id }.Order(StringComparer.Ordinal),
            second.Select(n => n.Recipient()).Order(StringComparer.Ordinal));
        Assert.All(second, n => Assert.Contains("办理中", n.Body));
        Assert.DoesNotContain(second, n => n.RecipientId == window2.Id);

        // Both market reviewers see the 办理中 warning; window 乙 (neither owner nor reviewer) sees only the 待受理 one.
        foreach (var reviewer in new[] { market1, market2 })
        {
            Assert.Contains("办理中", Assert.Single((await factory.SendAs(reviewer, new Inbox.Query())).Rows).Body);
        }

        Assert.Contains("待受理", Assert.Single((await factory.SendAs(window2, new Inbox.Query())).Rows).Body);
        Assert.Equal(2, (await factory.SendAs(window1, new Inbox.Query())).Rows.Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Owner_in_the_holding_role_is_warned_once_not_twice(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "材料不全");
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        await factory.ActNowAsync(supervisor, number, CaseTrigger.DismissRejection); // back to 待受理, held by the window; the owner is the window
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(window.Id, c.OwnerId);
        Assert.Equal(Roles.Window, c.HolderRole);

        factory.Time.Set(new DateTimeOffset(c.StepWarnAt!.Value.AddMinutes(1), TimeSpan.Zero));
        await factory.SweepAsync();

        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(Roles.Window, n.RecipientRole);
        Assert.Equal(NotificationKind.StepWarning, n.Kind);
        Assert.Single((await factory.SendAs(window, new Inbox.Query())).Rows);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Step_first_swept_after_its_deadline_is_red_only(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);

        factory.Time.SetChina(2026, 11, 25, 9);
        Assert.Equal(1, await factory.SweepAsync());

        var c = await factory.LoadCaseAsync(number);
        Assert.True(c.IsOverdue);
        Assert.Null(c.WarnedStepAt);
        var all = await factory.NotificationsAsync();
        Assert.Equal(
            [(applicant.Id, NotificationKind.Late), (Roles.Window, NotificationKind.StepOverdue)],
            all.Select(n => (n.Recipient(), n.Kind)).OrderBy(x => x.Kind));
        Assert.Equal("已超时", Assert.Single((await factory.SendAs(window, new Inbox.Query())).Rows).Kind);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Yellow_then_red_tells_the_staff_twice_and_the_applicant_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);

        factory.Time.SetChina(2026, 11, 24, 15);
        await factory.SweepAsync();
        factory.Time.SetChina(2026, 11, 24, 17, 1);
        Assert.Equal(1, await factory.SweepAsync());
        factory.Time.SetChina(2026, 11, 25, 9);
        Assert.Equal(0, await factory.SweepAsync());

        var all = await factory.NotificationsAsync();
        Assert.Equal(
            [(applicant.Id, NotificationKind.Late), (Roles.Window, NotificationKind.StepWarning), (Roles.Window, NotificationKind.StepOverdue)],
            all.Select(n => (n.Recipient(), n.Kind)).OrderBy(x => x.Kind));
        var c = await factory.LoadCaseAsync(number);
        Assert.True(c.IsOverdue);
        Assert.Equal(c.StepStartedAt, c.WarnedStepAt);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Paused_case_waiting_for_the_applicant_is_never_yellow_or_red(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "公司章程");
        var before = await factory.NotificationsAsync();

        factory.Time.SetChina(2026, 12, 31, 10);
        Assert.Equal(0, await factory.SweepAsync());

        var c = await factory.LoadCaseAsync(number);
        Assert.Null(c.WarnedStepAt);
        Assert.False(c.IsOverdue);
        Assert.Equal(before.Select(n => n.Id), (await factory.NotificationsAsync()).Select(n => n.Id));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Resuming_after_a_supplement_with_little_time_left_warns_again_for_the_resumed_step(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);

        // Yellow at Tuesday 13:30, then paused at 14:00 with 3 office hours left, resumed on Wednesday at 09:00.
        factory.Time.SetChina(2026, 11, 24, 14);
        await factory.SweepAsync();
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "公司章程");
        factory.Time.SetChina(2026, 11, 25, 9);
        await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);
        var resumed = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Submitted, resumed.State);
        Assert.NotNull(resumed.WarnedStepAt); // the 待受理 step before the pause was warned …
        Assert.NotEqual(resumed.StepStartedAt, resumed.WarnedStepAt); // … the resumed one not yet
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 12), resumed.StepDueAt);

        // 180 minutes left of 840: less than 25%, so the resumed step is yellow at once.
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 9), resumed.StepWarnAt);
        factory.Time.SetChina(2026, 11, 25, 9, 1);
        await factory.SweepAsync();

        var yellow = await factory.NotificationsOfAsync(NotificationKind.StepWarning);
        Assert.Equal(2, yellow.Count);
        Assert.All(yellow, n => Assert.Equal(Roles.Window, n.RecipientRole));
        Assert.Equal(2, yellow.Select(n => n.DedupeKey).Distinct().Count());
    }
}
