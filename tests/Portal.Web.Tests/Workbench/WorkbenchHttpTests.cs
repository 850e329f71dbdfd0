using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>The workbench page over HTTP: its sections, filters kept in the address, the 登记补齐 form and who may use it.</summary>
public sealed class WorkbenchHttpTests
{
    [Fact]
    public async Task Window_filters_by_address_sees_every_section_and_records_a_supplied_item()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var waiting = await factory.SubmitCaseAsync(applicant, "枣庄青禾科技有限公司 设立登记");
        var other = await factory.SubmitCaseAsync(applicant, "泰安远航物流有限公司 设立登记");
        var tolerated = await factory.SubmitCaseAsync(applicant, "枣庄惠民餐饮有限公司 设立登记");
        var paused = await factory.SubmitCaseAsync(applicant, "枣庄花语科技有限公司 设立登记");
        await factory.AcceptWithMissingAsync(window, tolerated, "股东会决议原件", new DateOnly(2026, 11, 25));
        await factory.ActNowAsync(window, paused, CaseTrigger.RequestSupplement, "公司章程");
        using var session = await new HttpSession(factory).SignedInAsync(window);

        var filtered = await session.GetAsync($"/Workbench?Service={EstablishmentService.Code}&State=Submitted&Deadline=OnTrack&Search=%E9%9D%92%E7%A6%BE");

        Assert.Equal(HttpStatusCode.OK, filtered.Status);
        Assert.Equal("共 1 件", filtered.TestId("workbench-count"));
        Assert.Contains(waiting, filtered.TestId("workbench"));
        Assert.DoesNotContain(other, filtered.TestId("workbench"));
        Assert.True(filtered.Html.IsSelected("Service", EstablishmentService.Code));
        Assert.True(filtered.Html.IsSelected("State", "Submitted"));
        Assert.True(filtered.Html.IsSelected("Deadline", "OnTrack"));
        Assert.Equal("青禾", filtered.InputValue("Search"));
        Assert.Contains($"href=\"/Cases/{waiting}#actions\" data-trigger=\"Accept\">受理</a>", filtered.Body);
        Assert.Contains("补正 · 等待申请人", filtered.Text);
        Assert.Contains(paused, filtered.TestId("workbench-supplement"));
        Assert.Contains("公司章程", filtered.TestId("workbench-supplement"));
        Assert.Contains("股东会决议原件", filtered.TestId("workbench-tolerance"));
        Assert.DoesNotContain("驳回待审核", filtered.Text);

        // The 登记补齐 form keeps the filters; after the redirect the commitment is gone and the notice is shown.
        var action = filtered.Forms.Select(f => f.Action).Single(a => a is not null && a.Contains("handler=Supply"))!;
        Assert.Contains("Search=青禾", Uri.UnescapeDataString(action));
        Assert.Contains($"Service={EstablishmentService.Code}", action);
        var supplied = await session.SubmitAsync(filtered, action, ("Data.Number", tolerated), ("Data.Note", "原件已核验"));
        Assert.True(supplied.Status == HttpStatusCode.Redirect, supplied.ToString());
        Assert.StartsWith("/Workbench?", supplied.RedirectPath);
        Assert.Contains("Search=青禾", Uri.UnescapeDataString(supplied.RedirectPath!));
        Assert.Contains("State=Submitted", supplied.RedirectPath);
        Assert.Contains("Deadline=OnTrack", supplied.RedirectPath);
        var after = await session.GetAsync(supplied.RedirectPath!);
        Assert.Contains($"已登记办件 {tolerated} 的容缺材料补齐。", after.Text);
        Assert.Null(after.TestId("workbench-tolerance"));
        Assert.Contains("暂无待补齐的容缺材料。", after.Text);
        Assert.Equal("原件已核验", (await factory.HistoryAsync(tolerated)).Last().Reason);

        // The same form posted again from the old page: the page is shown again with the refusal in Chinese.
        var twice = await session.SubmitAsync(filtered, action, ("Data.Number", tolerated));
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains("已由窗口甲于2026年11月23日 09:00登记补齐，无需重复登记。", twice.Text);
        Assert.Contains("共 1 件", twice.Text);
    }

    [Fact]
    public async Task Supervisor_sees_the_rejection_proposals_section()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "经营范围涉及禁止类项目");
        using var session = await new HttpSession(factory).SignedInAsync(supervisor);

        var page = await session.GetAsync("/Workbench");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("驳回待审核", page.Text);
        Assert.Contains("经营范围涉及禁止类项目", page.TestId("workbench-rejections"));
        Assert.Contains($"href=\"/Cases/{number}#actions\"", page.Body);
    }

    [Fact]
    public async Task Applicant_can_neither_open_the_workbench_nor_post_a_supply()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.AcceptWithMissingAsync(window, number, "股东会决议原件", new DateOnly(2026, 11, 25));
        using var session = await new HttpSession(factory).SignedInAsync(applicant);

        var page = await session.GetFollowingAsync("/Workbench", maxRedirects: 1);
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);

        // A valid antiforgery token from a page the applicant may open, posted to the workbench's supply handler.
        var own = await session.GetAsync("/Cases");
        var token = own.Token("/Account/Logout");
        Assert.NotNull(token);
        var posted = await session.PostAsync("/Workbench?handler=Supply", (HttpSession.TokenField, token!), ("Data.Number", number));
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);
        Assert.Null((await factory.LoadCaseAsync(number)).ToleranceSuppliedAt);
    }
}
