using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Messages;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>
/// Role inboxes (docs/decisions/0021-role-inbox.md): a staff alert is one message in the holding role's inbox (a department's
/// is its reviewer role's), not one per member. Every current member sees it in 消息 and in the header's count, reads
/// it on their own, and nobody outside the role sees or marks it — not by posting its id either.
/// </summary>
public sealed class RoleInboxTests
{
    private const string ReadAllAction = "/Messages?handler=ReadAll";

    /// <summary>The action of the page's 标为已读 form of one message (asserting there is exactly one).</summary>
    private static string ReadAction(HttpPage page, long id) => Assert.Single(
        page.Forms,
        f => f.Action is { } a && a.Contains($"id={id}", StringComparison.Ordinal) && a.Contains("handler=Read", StringComparison.Ordinal) && !a.Contains("ReadAll", StringComparison.Ordinal)).Action!;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task An_overdue_case_writes_one_message_for_the_role_however_many_staff_hold_it(Provider provider)
    {
        const int Clerks = 12;
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerks = new List<TestUser>();
        for (var i = 0; i < Clerks; i++)
        {
            clerks.Add(await factory.CreateUserAsync(Roles.Window, $"窗口{i}"));
        }

        var number = await factory.SubmitCaseAsync(applicant);
        factory.Time.SetChina(2026, 11, 25, 9); // past the acceptance deadline (Tuesday 17:00)
        Assert.Equal(1, await factory.SweepAsync());

        var staff = (await factory.NotificationsAsync()).Where(n => n.Kind == NotificationKind.StepOverdue).ToList();
        var message = Assert.Single(staff); // one row, not one per clerk
        Assert.Equal(Roles.Window, message.RecipientRole);
        Assert.Equal(number, message.CaseNumber);
        Assert.Equal(2, (await factory.NotificationsAsync()).Count); // and the applicant's 办理超期

        // Every clerk sees it, unread.
        foreach (var clerk in clerks)
        {
            var inbox = await factory.SendAs(clerk, new Inbox.Query());
            Assert.Equal(message.Id, Assert.Single(inbox.Rows).Id);
            Assert.Equal(1, inbox.Unread);
        }
    }

    [Fact]
    public async Task Each_member_reads_a_role_message_on_their_own_and_the_header_counts_role_and_own_messages()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var first = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var second = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var number = await factory.SubmitCaseAsync(applicant);
        factory.Time.SetChina(2026, 11, 24, 14); // past 75%: the yellow mark
        await factory.SweepAsync();
        var warning = Assert.Single(await factory.NotificationsOfAsync(NotificationKind.StepWarning));
        await factory.StoreAsync(first, "窗口甲的个人消息", "只给窗口甲");

        using var a = await new HttpSession(factory).SignedInAsync(first);
        using var b = await new HttpSession(factory).SignedInAsync(second);
        var page = await a.GetAsync("/Messages");
        Assert.Equal("消息（2）", page.TestId("messages-link")); // the role's message and the own one
        Assert.Contains(number, page.TestId("messages"));
        Assert.Contains("窗口工作人员共用消息", page.Text);
        Assert.Equal("消息（1）", (await b.GetAsync("/Workbench")).TestId("messages-link"));

        // 甲 marks the role message read: 甲's count drops, 乙's does not.
        var read = await a.SubmitAsync(page, ReadAction(page, warning.Id));
        Assert.Equal(HttpStatusCode.Redirect, read.Status);
        var after = await a.GetAsync("/Messages");
        Assert.Contains("已将这条消息标为已读。", after.Text);
        Assert.Equal("消息（1）", after.TestId("messages-link"));
        Assert.Contains(number, after.TestId("messages")); // still listed, now read
        Assert.Null(after.TestId($"read-{warning.Id}"));
        Assert.DoesNotContain(after.Forms, f => f.Action?.Contains($"id={warning.Id}", StringComparison.Ordinal) == true);
        Assert.Equal("消息（1）", (await b.GetAsync("/Workbench")).TestId("messages-link"));
        var mark = Assert.Single(await factory.WithDb(db => db.NotificationReads.AsNoTracking().ToListAsync()));
        Assert.Equal((first.Id, warning.Id, factory.Time.GetUtcNow().UtcDateTime), (mark.UserId, mark.NotificationId, mark.ReadAt));
        Assert.Null((await factory.NotificationAsync(warning.Id)).ReadAt); // the shared row itself is not "read"

        // Marking the same message again (a second tab) changes nothing.
        await a.SubmitAsync(page, ReadAction(page, warning.Id));
        Assert.Contains("这条消息已是已读。", (await a.GetAsync("/Messages")).Text);
        Assert.Single(await factory.WithDb(db => db.NotificationReads.AsNoTracking().ToListAsync()));

        // 乙 reads everything: the role message for 乙 only; 甲's own message stays unread.
        var all = await b.SubmitAsync(await b.GetAsync("/Messages"), ReadAllAction);
        Assert.Equal(HttpStatusCode.Redirect, all.Status);
        var bAfter = await b.GetAsync("/Messages");
        Assert.Contains("已将 1 条消息标为已读。", bAfter.Text);
        Assert.Equal("消息", bAfter.TestId("messages-link"));
        Assert.Equal("消息（1）", (await a.GetAsync("/Workbench")).TestId("messages-link"));
        Assert.Equal(2, await factory.WithDb(db => db.NotificationReads.CountAsync()));
    }

    [Fact]
    public async Task Read_all_marks_role_and_own_messages_and_a_second_read_all_finds_nothing()
    {
        await using var factory = new PortalFactory(Provider.PostgreSql);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var other = await factory.CreateUserAsync(Roles.Supervisor);
        await factory.WithDb(async db =>
        {
            db.Notifications.Add(Notification.CreateForRole(Roles.Supervisor, NotificationKind.BadRating, null, "差评一", "正文", "/Ratings/FollowUps", factory.Time.GetUtcNow().UtcDateTime, "test:bad:1"));
            db.Notifications.Add(Notification.CreateForRole(Roles.Supervisor, NotificationKind.BadRating, null, "差评二", "正文", "/Ratings/FollowUps", factory.Time.GetUtcNow().UtcDateTime, "test:bad:2"));
            return await db.SaveChangesAsync();
        });
        var own = await factory.StoreAsync(supervisor, "督查的个人消息", "正文");

        Assert.Equal(3, await factory.SendAs(supervisor, new MarkRead.Command()));
        Assert.Equal(0, await factory.SendAs(supervisor, new MarkRead.Command()));

        Assert.Equal(0, (await factory.SendAs(supervisor, new Inbox.Query())).Unread);
        Assert.NotNull((await factory.NotificationAsync(own)).ReadAt);
        Assert.Equal(2, (await factory.SendAs(other, new Inbox.Query())).Unread);
        Assert.Empty((await factory.SendAs(applicant, new Inbox.Query())).Rows);
    }

    [Fact]
    public async Task A_member_who_gains_a_role_sees_its_messages_and_one_who_loses_it_no_longer_does()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var window = await factory.CreateUserAsync(Roles.Window);
        var mover = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "调岗人员");
        var number = await factory.SubmitCaseAsync(applicant);
        factory.Time.SetChina(2026, 11, 25, 9);
        await factory.SweepAsync(); // red: the window inbox

        using (var before = await new HttpSession(factory).SignedInAsync(mover))
        {
            var page = await before.GetAsync("/Messages");
            Assert.DoesNotContain(number, page.Text);
            Assert.Equal("消息", page.TestId("messages-link"));
        }

        // The administrator moves the tax reviewer to the window: their next sign-in sees the window's open message.
        await factory.SendAs(admin, new AccountAdmin.SetRoles { UserId = mover.Id, Roles = [Roles.Window] });
        using (var gained = await new HttpSession(factory).SignedInAsync(mover))
        {
            var page = await gained.GetAsync("/Messages");
            Assert.Contains(number, page.TestId("messages"));
            Assert.Equal("消息（1）", page.TestId("messages-link"));
        }

        // And back to tax: the window's message is gone from their inbox and their count.
        await factory.SendAs(admin, new AccountAdmin.SetRoles { UserId = mover.Id, Roles = [Department.Tax.ReviewerRole()] });
        using (var lost = await new HttpSession(factory).SignedInAsync(mover))
        {
            var page = await lost.GetAsync("/Messages");
            Assert.DoesNotContain(number, page.Text);
            Assert.Equal("消息", page.TestId("messages-link"));
        }

        // The clerk who stayed still has it.
        Assert.Equal(1, (await factory.SendAs(window, new Inbox.Query())).Unread);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Nobody_sees_or_marks_another_roles_or_departments_message_not_by_its_id_either(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept); // held by 市场监管 now; the window clerk owns it
        factory.Time.SetChina(2026, 11, 25, 9);
        await factory.SweepAsync();
        var red = await factory.NotificationsOfAsync(NotificationKind.StepOverdue);
        var marketMessage = Assert.Single(red, n => n.RecipientRole == Department.Market.ReviewerRole());
        var ownerMessage = Assert.Single(red, n => n.RecipientId == window.Id);

        // The tax department and the applicant see neither in their lists or counts.
        foreach (var outsider in new[] { tax, applicant })
        {
            var inbox = await factory.SendAs(outsider, new Inbox.Query());
            Assert.DoesNotContain(inbox.Rows, r => r.Code == NotificationKind.StepOverdue);
        }

        // Forged ids: posting another department's message, or another person's own message, is "not found" and marks nothing.
        using var session = await new HttpSession(factory).SignedInAsync(tax);
        var page = await session.GetAsync("/Messages");
        foreach (var id in new[] { marketMessage.Id, ownerMessage.Id, 999_999L })
        {
            // With a valid antiforgery token (the page's sign-out form's), so only the id is forged.
            var forged = await session.PostAsync($"/Messages?id={id}&handler=Read", (HttpSession.TokenField, page.Token("/Account/Logout")!));
            Assert.Equal(HttpStatusCode.NotFound, forged.Status);
            Assert.DoesNotContain(number, forged.Text);
        }

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(applicant, new MarkRead.Command { Id = marketMessage.Id }));
        Assert.Empty(await factory.WithDb(db => db.NotificationReads.AsNoTracking().ToListAsync()));
        Assert.Null((await factory.NotificationAsync(ownerMessage.Id)).ReadAt);
        Assert.Equal(1, (await factory.SendAs(market, new Inbox.Query())).Unread);

        // The market reviewer may mark it; the owner's own message stays the owner's.
        Assert.Equal(1, await factory.SendAs(market, new MarkRead.Command { Id = marketMessage.Id }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(market, new MarkRead.Command { Id = ownerMessage.Id }));
        Assert.Equal(1, await factory.SendAs(window, new MarkRead.Command { Id = ownerMessage.Id }));
    }

    [Fact]
    public async Task Per_member_messages_stored_before_role_inboxes_stay_readable_and_countable()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var window = await factory.CreateUserAsync(Roles.Window);
        var old = await factory.StoreAsync(window, "办件已超时", "旧式的个人超时提醒", NotificationKind.StepOverdue, "QYKB-20261101-000001");

        var inbox = await factory.SendAs(window, new Inbox.Query());

        Assert.Equal(old, Assert.Single(inbox.Rows).Id);
        Assert.Equal(1, inbox.Unread);
        Assert.Equal(1, await factory.SendAs(window, new MarkRead.Command { Id = old }));
        Assert.Equal(0, (await factory.SendAs(window, new Inbox.Query())).Unread);
    }
}
