using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Features.Supervision;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Notifications;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Cases;

/// <summary>Defects found walking the case page (issue 15 part 4): each as the person meets it.</summary>
public sealed class CasePageDefectTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_supervisor_refusing_a_proposed_rejection_leaves_an_overdue_case_overdue_on_the_supervision_page(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var number = await factory.SubmitCaseAsync(applicant); // Monday 23 November 09:00: to be accepted by Tuesday 17:00
        factory.Time.SetChina(2026, 11, 25, 9);
        await NotificationWorld.SweepAsync(factory);
        var late = await factory.LoadCaseAsync(number);
        Assert.True(late.IsOverdue);

        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "名称与在先企业近似");
        factory.Time.SetChina(2026, 11, 25, 10);
        await factory.ActNowAsync(supervisor, number, CaseTrigger.DismissRejection, "名称不构成近似，应当受理");

        var resumed = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Submitted, resumed.State);
        Assert.True(resumed.IsOverdue);
        Assert.Equal(late.StepDueAt, resumed.StepDueAt);
        Assert.Equal(late.OverdueSince, resumed.OverdueSince);
        var board = await factory.SendAs(supervisor, new Overview.Query());
        Assert.Contains(board.Overdue, r => r.Number == number);

        using var session = await new HttpSession(factory).SignedInAsync(supervisor);
        var page = await session.GetAsync("/Supervision");
        Assert.Contains("其中超时 1 件", page.Text);
    }

    [Fact]
    public async Task The_applicant_starts_a_later_track_with_the_case_pages_button()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window);
        var form = EstablishmentSteps.ValidForm("枣庄启程餐饮有限公司", "catering") with { SynchronousItems = ["seal"] };
        var number = (await factory.SubmitAsync(applicant, form)).Number;
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        // Before 受理: 设立登记 and 印章刻制 start with the case; only the items left for later wait to be started.
        var before = await session.GetAsync($"/Cases/{number}");
        Assert.Contains("待受理（受理后同步启动）", TrackState(before, "设立登记"));
        Assert.Contains("待受理（受理后同步启动）", TrackState(before, "印章刻制"));
        Assert.Contains("单独办理（未启动）", TrackState(before, "涉税办理"));

        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        var page = await session.GetAsync($"/Cases/{number}");
        var tax = await factory.SubItemAsync(number, "tax");
        var action = $"/Cases/{number}?handler=Item";
        var form2 = page.Forms.Single(f => f.Action == action && f.Hidden.Contains(("Item.ItemId", tax.Id.ToString())));
        Assert.Contains("value=\"Begin\"", form2.Html);

        var answer = await session.PostAsync(action, [.. form2.Hidden, ("Item.Trigger", "Begin")]);

        Assert.True(answer.Status == HttpStatusCode.Redirect, answer.ToString());
        Assert.Equal(SubItemState.Waiting, (await factory.SubItemAsync(number, "tax")).State);
        var after = await session.GetAsync(answer.RedirectPath!);
        Assert.Contains("已启动。", after.Text);
        Assert.DoesNotContain("未知的操作", after.Text);
    }

    [Fact]
    public async Task A_department_returning_a_track_tells_the_applicant_who_alone_can_resubmit_it()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window);
        var police = await factory.CreateUserAsync(Department.Police.ReviewerRole(), "公安审批员");
        var form = EstablishmentSteps.ValidForm("枣庄启程餐饮有限公司", "catering") with { SynchronousItems = ["seal"] };
        var number = (await factory.SubmitAsync(applicant, form)).Number;
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        await factory.ItemActAsync(police, number, "seal", SubItemTrigger.Start);
        var before = (await factory.NotificationsOfAsync(applicant)).Count;

        await factory.ItemActAsync(police, number, "seal", SubItemTrigger.Return, "1. 印章样式与名称不符\n2. 请补充法定代表人签字");

        var messages = await factory.NotificationsOfAsync(applicant);
        Assert.Equal(before + 1, messages.Count);
        var returned = messages.OrderBy(n => n.Id).Last();
        Assert.Equal(NotificationKind.NeedsAction, returned.Kind);
        Assert.Contains("“印章刻制”", returned.Body);
        Assert.Contains("重新提交", returned.Body);
        Assert.Contains("1. 印章样式与名称不符\n2. 请补充法定代表人签字", returned.Body);

        // The line breaks survive on the messages page and in the case's timeline.
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var inbox = await session.GetAsync("/Messages");
        var body = inbox.Html.Document.QuerySelectorAll("[data-testid=messages] p.pre-line").Select(p => p.TextContent).ToList();
        Assert.Contains(body, t => t.Contains("不符\n2. 请补充", StringComparison.Ordinal));
        var timeline = await session.GetAsync($"/Cases/{number}");
        var reasons = timeline.Html.Document.QuerySelectorAll("[data-testid=timeline] .step-reason").ToList();
        Assert.Contains(reasons, r => r.ClassList.Contains("pre-line") && r.TextContent.Contains("不符\n2. 请补充", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_one_time_notice_keeps_its_line_breaks_in_the_timeline()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 公司章程\n2. 住所使用证明\n3. 股东会决议");

        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var page = await session.GetAsync($"/Cases/{number}");

        var reason = page.Html.Document.QuerySelectorAll("[data-testid=timeline] .step-reason").Single(r => r.TextContent.Contains("公司章程", StringComparison.Ordinal));
        Assert.True(reason.ClassList.Contains("pre-line"), reason.OuterHtml);
        Assert.Contains("1. 公司章程\n2. 住所使用证明\n3. 股东会决议", reason.TextContent);
        var css = await session.GetAsync("/css/portal.css");
        Assert.Contains(".pre-line { white-space: pre-line; }", css.Body);
    }

    [Fact]
    public async Task Notifying_creditors_is_confirmed_without_a_doubled_已()
    {
        await using var factory = new PortalFactory();
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await factory.SendAs(world.Representative, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20)));
        await world.AcceptAsync(number);
        Assert.Equal(CaseState.CreditorNotification, (await factory.LoadCaseAsync(number)).State);
        using var session = await new HttpSession(factory).SignedInAsync(world.Representative);
        var page = await session.GetAsync($"/Cases/{number}");

        var answer = await session.SubmitAsync(page, null, ("Data.Trigger", nameof(CaseTrigger.NotifyCreditors)), ("Data.Reason", "2026年11月23日书面通知全部已知债权人"));

        Assert.True(answer.Status == HttpStatusCode.Redirect, answer.ToString());
        var after = await session.GetAsync(answer.RedirectPath!);
        Assert.Contains("已记录通知债权人的情况。", after.Text);
        Assert.DoesNotContain("已已", after.Text);
    }

    [Fact]
    public async Task Drafts_are_listed_in_my_cases_with_the_way_back_to_the_form()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var other = await factory.CreateUserAsync(Roles.Applicant);
        await factory.SendAs(applicant, new Web.Features.Establishment.SaveDraft.Command
        {
            Form = EstablishmentSteps.ValidForm("枣庄草稿测试有限公司", "tech"),
        });

        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var mine = await session.GetAsync("/Cases");
        var drafts = mine.Html.TableRows("drafts");
        var row = Assert.Single(drafts!);
        Assert.Contains("枣庄草稿测试有限公司 设立登记", row);
        Assert.Contains("2026年11月23日 09:00", row);
        Assert.Contains("href=\"/Establishment/Apply\"", mine.Html.ByTestId("drafts")!.OuterHtml);

        using var stranger = await new HttpSession(factory).SignedInAsync(other);
        Assert.Null((await stranger.GetAsync("/Cases")).Html.ByTestId("drafts"));
    }

    /// <summary>The state cell of a track row on the case page.</summary>
    private static string TrackState(HttpPage page, string track) =>
        page.Html.Document.QuerySelector($"[data-testid=tracks] tr[data-track='{track}'] td[data-label='状态']")?.TextContent ?? "";
}
