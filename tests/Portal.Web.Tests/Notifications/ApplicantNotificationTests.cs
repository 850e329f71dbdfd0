using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Messages;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>
/// What applicants hear about their cases (SPEC 3: needs you, accepted, late, done), written in the same save as the
/// change itself: once per change, never for what they did themselves, and nothing when the change is rolled back.
/// </summary>
public sealed class ApplicantNotificationTests
{
    private static readonly DateTime Monday9 = Scenario.ChinaUtc(2026, 11, 23, 9);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supplement_request_tells_the_applicant_once_and_their_own_supplement_tells_nobody(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.SubmitCaseAsync(applicant, "枣庄补正科技有限公司设立登记");
        Assert.Empty(await factory.NotificationsAsync()); // submitting online: nothing to tell anyone

        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 公司章程\n2. 住所使用证明");

        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(applicant.Id, n.RecipientId);
        Assert.Equal(NotificationKind.NeedsAction, n.Kind);
        Assert.Equal(number, n.CaseNumber);
        Assert.Equal($"/Cases/{number}", n.Link);
        Assert.Equal("办件需要您处理", n.Title);
        Assert.Contains(number, n.Body);
        Assert.Contains("枣庄补正科技有限公司设立登记", n.Body);
        Assert.Contains("一次性告知补正", n.Body);
        Assert.Contains("1. 公司章程\n2. 住所使用证明", n.Body);
        Assert.Equal(Monday9, n.CreatedAt);
        Assert.Null(n.ReadAt);
        Assert.Equal(DeliveryState.Pending, n.Delivery);
        Assert.Equal(0, n.Attempts);
        Assert.Null(n.ClaimToken);

        factory.Time.Advance(TimeSpan.FromHours(2));
        await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);

        var after = await factory.NotificationsAsync();
        Assert.Equal([n.Id], after.Select(x => x.Id));
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Very_long_supplement_list_is_stored_cut_to_the_message_length(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var items = string.Concat(Enumerable.Range(1, 200).Select(i => $"{i}. 材料{i}；"));
        Assert.InRange(items.Length, 1100, 2000);

        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, items);

        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(1000, n.Body.Length);
        Assert.EndsWith("…", n.Body);
        Assert.StartsWith($"您的办件 {number}", n.Body);
        Assert.Equal(items, (await factory.LoadCaseAsync(number)).SupplementItems);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Acceptance_by_a_window_tells_the_applicant_it_was_accepted(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);

        await factory.ActNowAsync(window, number, CaseTrigger.Accept);

        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(applicant.Id, n.RecipientId);
        Assert.Equal(NotificationKind.Accepted, n.Kind);
        Assert.Equal("办件已受理", n.Title);
        Assert.Equal(number, n.CaseNumber);
        Assert.Equal($"/Cases/{number}", n.Link);
        Assert.Contains(number, n.Body);
        Assert.Contains("（受理）", n.Body);

        // The applicant's 消息 inbox lists it, unread.
        var inbox = await factory.SendAs(applicant, new Inbox.Query());
        var row = Assert.Single(inbox.Rows);
        Assert.Equal(n.Id, row.Id);
        Assert.True(row.Unread);
        Assert.Equal("已受理", row.Kind);
        Assert.Equal(1, inbox.Unread);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Instant_acceptance_by_the_system_tells_the_applicant_but_their_own_submission_does_not(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄即得科技有限公司", "tech", "software"));

        Assert.True(result.AutoAccepted);
        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(applicant.Id, n.RecipientId);
        Assert.Equal(NotificationKind.Accepted, n.Kind);
        Assert.Equal(result.Number, n.CaseNumber);
        Assert.Contains("即报即得自动受理", n.Body);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Step_past_its_deadline_tells_the_applicant_it_is_late_and_the_holding_staff_and_owner_that_it_is_red(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var otherWindow = await factory.CreateUserAsync(Roles.Window, "李窗口");
        var market1 = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管甲");
        var market2 = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管乙");
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        await Portal.Web.Tests.Cases.WorkbenchTests.UseYichengAsync(factory);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept); // 峄城区: 0.5 working day over the whole process (002:9), due Monday 13:30
        var accepted = await factory.LoadCaseAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 13, 30), accepted.StepDueAt);
        Assert.Equal(window.Id, accepted.OwnerId);
        var before = (await factory.NotificationsAsync()).Select(n => n.Id).ToHashSet();

        factory.Time.SetChina(2026, 11, 23, 14, 5);
        Assert.Equal(1, await factory.SweepAsync());

        var created = (await factory.NotificationsAsync()).Where(n => !before.Contains(n.Id)).ToList();
        var late = Assert.Single(created, n => n.Kind == NotificationKind.Late);
        Assert.Equal(applicant.Id, late.RecipientId);
        Assert.Equal("办件超过承诺时限", late.Title);
        Assert.Contains(number, late.Body);
        Assert.Contains("办理中", late.Body);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 14, 5), late.CreatedAt);

        // The market department's inbox (one message both reviewers see) and the owner, a window clerk outside it.
        var red = created.Where(n => n.Kind == NotificationKind.StepOverdue).ToList();
        Assert.Equal(
            new[] { Department.Market.ReviewerRole(), window.Id }.Order(StringComparer.Ordinal),
            red.Select(n => n.Recipient()).Order(StringComparer.Ordinal));
        foreach (var reviewer in new[] { market1, market2 })
        {
            Assert.Equal("已超时", Assert.Single((await factory.SendAs(reviewer, new Inbox.Query())).Rows, r => r.Code == NotificationKind.StepOverdue).Kind);
        }

        foreach (var outsider in new[] { otherWindow, tax, supervisor })
        {
            Assert.DoesNotContain((await factory.SendAs(outsider, new Inbox.Query())).Rows, r => r.Code == NotificationKind.StepOverdue);
        }

        Assert.All(red, n =>
        {
            Assert.Equal("办件已超时", n.Title);
            Assert.Equal(number, n.CaseNumber);
            Assert.Equal($"/Cases/{number}", n.Link);
            Assert.Contains("办理中", n.Body);
        });
        Assert.Equal(3, created.Count);
        Assert.DoesNotContain(created, n => n.RecipientId == otherWindow.Id || n.RecipientId == tax.Id || n.RecipientId == supervisor.Id);
        Assert.DoesNotContain(created, n => n.Kind == NotificationKind.StepWarning); // red straight away: no yellow afterwards

        // Another sweep (and a later one) adds nothing.
        factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await factory.SweepAsync());
        Assert.Equal(before.Count + 3, (await factory.NotificationsAsync()).Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Completion_by_the_department_tells_the_applicant_it_is_done(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant, "枣庄办结科技有限公司");
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        factory.Time.Advance(TimeSpan.FromHours(1));

        await factory.ActNowAsync(market, number, CaseTrigger.Complete);

        var all = await factory.NotificationsAsync();
        Assert.Equal([NotificationKind.Accepted, NotificationKind.Done], all.Select(n => n.Kind));
        Assert.All(all, n => Assert.Equal(applicant.Id, n.RecipientId));
        var done = all[1];
        Assert.Equal("办件办结", done.Title);
        Assert.Equal(number, done.CaseNumber);
        Assert.Contains(number, done.Body);
        Assert.Contains("办结", done.Body);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task System_completion_after_the_last_parallel_item_tells_the_applicant_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var reviewers = new Reviewers(factory);
        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄并联科技有限公司", "tech", "software"));
        Assert.True(result.AutoAccepted);

        factory.Time.Advance(TimeSpan.FromMinutes(30));
        await reviewers.CompleteAllAsync(result.Number);

        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(CaseActor.System.UserId, Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.Complete)).ActorId);
        var mine = await factory.NotificationsOfAsync(applicant);
        Assert.Single(mine, n => n.Kind == NotificationKind.Accepted);
        var done = Assert.Single(mine, n => n.Kind == NotificationKind.Done);
        Assert.Equal(result.Number, done.CaseNumber);

        // Sub-item moves are notes inside the step: nobody hears about each of them.
        Assert.Equal(2, (await factory.NotificationsAsync()).Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Approved_rejection_tells_the_applicant_it_is_done_with_the_reason_and_the_proposal_tells_nobody(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var number = await factory.SubmitCaseAsync(applicant);

        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "经营范围涉及前置许可，未提交许可证明");
        Assert.Empty(await factory.NotificationsAsync());

        await factory.ActNowAsync(supervisor, number, CaseTrigger.ApproveRejection, "同意不予受理：缺少前置许可");

        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(applicant.Id, n.RecipientId);
        Assert.Equal(NotificationKind.Done, n.Kind);
        Assert.Equal("办件不予受理", n.Title);
        Assert.Contains("不予受理", n.Body);
        Assert.Contains("同意不予受理：缺少前置许可", n.Body);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Withdrawing_ones_own_case_tells_nobody(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var waiting = await factory.SubmitCaseAsync(applicant, "待受理撤回");
        var paused = await factory.SubmitCaseAsync(applicant, "补正中撤回");
        await factory.ActNowAsync(window, paused, CaseTrigger.RequestSupplement, "公司章程");
        var before = await factory.NotificationsAsync();
        Assert.Single(before);

        await factory.ActNowAsync(applicant, waiting, CaseTrigger.Withdraw);
        await factory.ActNowAsync(applicant, paused, CaseTrigger.Withdraw);

        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(waiting)).State);
        Assert.Equal(CaseState.Withdrawn, (await factory.LoadCaseAsync(paused)).State);
        Assert.Equal(before.Select(n => n.Id), (await factory.NotificationsAsync()).Select(n => n.Id));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Action_refused_by_a_guard_or_by_a_stale_page_leaves_no_notification(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "材料不全");
        var stale = await factory.StoredVersionAsync(number);

        // 窗口无否决权: the window cannot approve the rejection (it would have told the applicant "done").
        await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(window, number, CaseTrigger.ApproveRejection, stale));
        Assert.Empty(await factory.NotificationsAsync());

        // A supervisor sends the case back; a stale page then tries to accept it twice.
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        await factory.ActNowAsync(supervisor, number, CaseTrigger.DismissRejection);
        Assert.Empty(await factory.NotificationsAsync());
        await Assert.ThrowsAsync<ConflictException>(() => factory.ActAsync(window, number, CaseTrigger.Accept, stale));
        Assert.Empty(await factory.NotificationsAsync());
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Save_that_loses_a_concurrency_race_stores_none_of_its_notifications(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var first = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var second = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var number = await factory.SubmitCaseAsync(applicant);

        // The second clerk has the case loaded and asks for a supplement …
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(second.Id, second.Name, second.Roles);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var c = await db.Cases.Include(x => x.SubItems).SingleAsync(x => x.Number == number);
        var context = await scope.ServiceProvider.GetRequiredService<CaseContexts>().ForCaseAsync(c, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<CaseActions>().FireAsync(c, CaseTrigger.RequestSupplement, context, new CaseActionArgs { Reason = "公司章程" }, CancellationToken.None);

        // … while the first clerk accepts it and saves first.
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        await factory.ActNowAsync(first, number, CaseTrigger.Accept);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(NotificationKind.Accepted, n.Kind);
        Assert.DoesNotContain(await factory.NotificationsAsync(), x => x.Kind == NotificationKind.NeedsAction);
        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_clerks_acting_at_once_on_one_case_notify_only_for_the_action_that_was_saved(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var first = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var second = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var number = await factory.SubmitCaseAsync(applicant);
        var shown = await factory.ShownVersionAsync(first, number);

        // One accepts, the other asks for a supplement, both from the same page version.
        var outcomes = await NotificationWorld.AllAtOnceAsync(
            () => Scenario.Outcome(() => factory.ActAsync(first, number, CaseTrigger.Accept, shown)),
            () => Scenario.Outcome(() => factory.ActAsync(second, number, CaseTrigger.RequestSupplement, shown, "公司章程")));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<ConflictException>(Assert.Single(outcomes, o => o is not null));
        var c = await factory.LoadCaseAsync(number);
        var n = Assert.Single(await factory.NotificationsAsync());
        Assert.Equal(c.State == CaseState.InProgress ? NotificationKind.Accepted : NotificationKind.NeedsAction, n.Kind);
    }
}
