using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Messages;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>The 消息 page and the unread count in the navigation: each person sees and marks only their own messages.</summary>
public sealed class MessagesPageTests
{
    private const string ReadAllAction = "/Messages?handler=ReadAll";

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var session = new HttpSession(factory);

        var answer = await session.GetAsync("/Messages");

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Account/Login?ReturnUrl=%2FMessages", answer.RedirectPath);
        var home = await session.GetAsync("/");
        Assert.Null(home.TestId("messages-link")); // no 消息 link for visitors
    }

    [Fact]
    public async Task Signed_in_person_sees_only_their_own_messages_and_their_unread_count()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var me = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var other = await factory.CreateUserAsync(Roles.Applicant, "李华");
        var window = await factory.CreateUserAsync(Roles.Window);
        var mine = await factory.SubmitCaseAsync(me, "张明的公司");
        var theirs = await factory.SubmitCaseAsync(other, "李华的公司");
        await factory.ActNowAsync(window, mine, CaseTrigger.RequestSupplement, "张明须补交公司章程");
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await factory.ActNowAsync(window, theirs, CaseTrigger.RequestSupplement, "李华须补交住所证明");
        await factory.StoreAsync(me, "张明的第二条消息", "只给张明");
        await factory.StoreAsync(other, "李华的第二条消息", "只给李华");
        await factory.StoreAsync(other, "李华的第三条消息", "只给李华");

        using var session = await new HttpSession(factory).SignedInAsync(me);
        var page = await session.GetAsync("/Messages");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("消息（2）", page.TestId("messages-link"));
        var list = page.TestId("messages");
        Assert.NotNull(list);
        Assert.Contains("张明须补交公司章程", list);
        Assert.Contains("张明的第二条消息", list);
        Assert.Contains(mine, list);
        Assert.DoesNotContain("李华", page.Text);
        Assert.DoesNotContain(theirs, page.Text);
        Assert.Contains($"href=\"/Cases/{mine}\"", page.Body);
        Assert.Contains("全部标为已读（2 条未读）", page.Text);
        Assert.Contains("待您处理", page.Text);
        Assert.Contains("短信/邮件待发送", page.Text);

        // The count is on every page, not only on 消息.
        var cases = await session.GetAsync("/Cases");
        Assert.Equal("消息（2）", cases.TestId("messages-link"));
    }

    [Fact]
    public async Task Marking_all_read_marks_only_mine()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var me = await factory.CreateUserAsync(Roles.Applicant);
        var other = await factory.CreateUserAsync(Roles.Applicant);
        var a = await factory.StoreAsync(me, "我的消息一", "正文");
        var b = await factory.StoreAsync(me, "我的消息二", "正文");
        var theirs = await factory.StoreAsync(other, "别人的消息", "正文");
        factory.Time.Advance(TimeSpan.FromMinutes(30));
        using var session = await new HttpSession(factory).SignedInAsync(me);
        var page = await session.GetAsync("/Messages");

        var answer = await session.SubmitAsync(page, ReadAllAction);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Messages", answer.RedirectPath);
        var after = await session.GetAsync(answer.RedirectPath!);
        Assert.Contains("已将 2 条消息标为已读。", after.Text);
        Assert.Equal("消息", after.TestId("messages-link"));
        Assert.DoesNotContain("全部标为已读", after.Text);
        Assert.Contains("我的消息一", after.Text);
        Assert.DoesNotContain("未读", after.TestId("messages")!);

        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, (await factory.NotificationAsync(a)).ReadAt);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, (await factory.NotificationAsync(b)).ReadAt);
        Assert.Null((await factory.NotificationAsync(theirs)).ReadAt);

        using var otherSession = await new HttpSession(factory).SignedInAsync(other);
        var theirPage = await otherSession.GetAsync("/Messages");
        Assert.Equal("消息（1）", theirPage.TestId("messages-link"));
        Assert.Contains("全部标为已读（1 条未读）", theirPage.Text);

        // Posting again (a second tab) changes nothing and says so.
        var again = await session.SubmitAsync(page, ReadAllAction);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Contains("没有未读消息。", (await session.GetAsync("/Messages")).Text);
        Assert.Null((await factory.NotificationAsync(theirs)).ReadAt);
    }

    [Fact]
    public async Task Read_all_without_the_antiforgery_token_is_refused()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var me = await factory.CreateUserAsync(Roles.Applicant);
        var id = await factory.StoreAsync(me, "我的消息", "正文");
        using var session = await new HttpSession(factory).SignedInAsync(me);

        var answer = await session.PostAsync(ReadAllAction);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Null((await factory.NotificationAsync(id)).ReadAt);
    }

    [Fact]
    public async Task Person_without_messages_sees_an_empty_inbox_and_no_count()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var me = await factory.CreateUserAsync(Roles.Window);
        var other = await factory.CreateUserAsync(Roles.Applicant);
        await factory.StoreAsync(other, "别人的消息", "正文");
        using var session = await new HttpSession(factory).SignedInAsync(me);

        var page = await session.GetAsync("/Messages");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("暂无消息。", page.Text);
        Assert.Equal("消息", page.TestId("messages-link"));
        Assert.DoesNotContain("别人的消息", page.Text);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Inbox_lists_only_my_messages_newest_first_and_mark_read_touches_only_mine(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var me = await factory.CreateUserAsync(Roles.Window);
        var other = await factory.CreateUserAsync(Roles.Window);
        var older = await factory.StoreAsync(me, "较早", "正文", NotificationKind.StepWarning);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await factory.StoreAsync(me, "较新", "正文", NotificationKind.StepOverdue);
        var theirs = await factory.StoreAsync(other, "别人的", "正文");

        var inbox = await factory.SendAs(me, new Inbox.Query());

        Assert.Equal([newer, older], inbox.Rows.Select(r => r.Id));
        Assert.Equal(["已超时", "时限预警"], inbox.Rows.Select(r => r.Kind));
        Assert.Equal(2, inbox.Unread);

        factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await factory.SendAs(me, new MarkRead.Command()));
        Assert.Equal(0, await factory.SendAs(me, new MarkRead.Command()));

        Assert.Equal(0, (await factory.SendAs(me, new Inbox.Query())).Unread);
        var theirInbox = await factory.SendAs(other, new Inbox.Query());
        Assert.Equal([theirs], theirInbox.Rows.Select(r => r.Id));
        Assert.Equal(1, theirInbox.Unread);
        Assert.All((await factory.SendAs(me, new Inbox.Query())).Rows, r => Assert.False(r.Unread));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Inbox_and_mark_read_need_a_signed_in_person(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var someone = await factory.CreateUserAsync(Roles.Applicant);
        var id = await factory.StoreAsync(someone, "消息", "正文");

        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new Inbox.Query()));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new MarkRead.Command()));

        Assert.Null((await factory.NotificationAsync(id)).ReadAt);
    }
}
