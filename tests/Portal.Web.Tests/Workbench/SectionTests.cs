using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>The workbench's 补正待申请人 and 驳回待审核 sections: who sees which case, in which order, with what.</summary>
public sealed class SectionTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supplements_are_shown_to_the_role_the_paused_step_returns_to_longest_waiting_first(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员");
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");

        // Monday 10:00 the window asks for 补正 before 受理; Monday 11:00 市场监管 asks during 办理.
        var atWindow = await factory.SubmitCaseAsync(applicant, "甲公司 设立登记");
        var atMarket = await factory.SubmitCaseAsync(applicant, "乙公司 设立登记");
        var byMarketBeforeAcceptance = await factory.SubmitCaseAsync(applicant, "丙公司 设立登记");
        await factory.ActNowAsync(window, atMarket, CaseTrigger.Accept);
        factory.Time.SetChina(2026, 11, 23, 10);
        await factory.ActNowAsync(window, atWindow, CaseTrigger.RequestSupplement, "公司章程\n股东会决议");
        factory.Time.SetChina(2026, 11, 23, 11);
        await factory.ActNowAsync(market, atMarket, CaseTrigger.RequestSupplement, "住所使用证明");
        await factory.ActNowAsync(market, byMarketBeforeAcceptance, CaseTrigger.RequestSupplement, "法定代表人身份证明");

        // Wednesday 10:00: two working days later.
        factory.Time.SetChina(2026, 11, 25, 10);
        var forWindow = await factory.SupplementsAsync(window);
        var forMarket = await factory.SupplementsAsync(market);

        // The window follows up what returns to 待受理 — including 丙, which 市场监管 asked for before 受理.
        Assert.Equal([atWindow, byMarketBeforeAcceptance], forWindow.Rows.Select(r => r.Number));
        Assert.Equal(2, forWindow.Total);
        var first = forWindow.Rows[0];
        Assert.Equal("公司章程\n股东会决议", first.Items);
        Assert.Equal("2个工作日", first.Waited);
        Assert.Equal(2, first.WaitedDays);
        Assert.Equal(2 * 7 * 60, first.WaitedOfficeMinutes);
        Assert.Equal("2026年11月23日 10:00", first.Since);
        Assert.Equal("窗口甲（窗口工作人员）", first.RequestedBy);
        Assert.Equal(Roles.Label(Roles.Window), first.ReturnsTo);
        Assert.Equal("张明", first.Applicant);
        Assert.Equal("市场监管审批员（后台审批（市场监管））", forWindow.Rows[1].RequestedBy);

        // 市场监管 follows up only what returns to its own 办理 step.
        var market1 = Assert.Single(forMarket.Rows);
        Assert.Equal(atMarket, market1.Number);
        Assert.Equal("住所使用证明", market1.Items);
        Assert.Equal(Roles.Label(Department.Market.ReviewerRole()), market1.ReturnsTo);
        Assert.Empty((await factory.SupplementsAsync(tax)).Rows);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SupplementsAsync(applicant));

        // Once the applicant supplies the items, the case leaves the section (and is back in a 待办 list).
        await factory.ActNowAsync(applicant, atWindow, CaseTrigger.SubmitSupplement, "已补交");
        Assert.Equal([byMarketBeforeAcceptance], (await factory.SupplementsAsync(window)).Rows.Select(r => r.Number));
        Assert.Contains(atWindow, (await factory.QueueAsync(window)).Rows.Select(r => r.Number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Rejection_proposals_are_shown_to_supervisors_and_administrators_oldest_first(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员");
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "督查员");
        var admin = await factory.CreateUserAsync(Roles.Admin, "管理员");
        var older = await factory.SubmitCaseAsync(applicant, "甲公司 设立登记");
        var newer = await factory.SubmitCaseAsync(applicant, "乙公司 设立登记");
        var decided = await factory.SubmitCaseAsync(applicant, "丙公司 设立登记");
        await factory.ActNowAsync(window, newer, CaseTrigger.Accept);

        factory.Time.SetChina(2026, 11, 23, 9, 30);
        await factory.ActNowAsync(window, older, CaseTrigger.ProposeRejection, "经营范围涉及禁止类项目");
        factory.Time.SetChina(2026, 11, 23, 10);
        await factory.ActNowAsync(market, newer, CaseTrigger.ProposeRejection, "住所属于违章建筑");
        await factory.ActNowAsync(window, decided, CaseTrigger.ProposeRejection, "名称不规范");
        await factory.ActNowAsync(supervisor, decided, CaseTrigger.DismissRejection, "名称可补正");

        var forSupervisor = await factory.SendAs(supervisor, new RejectionQueue.Query());
        Assert.Equal([older, newer], forSupervisor.Rows.Select(r => r.Number));
        Assert.Equal(2, forSupervisor.Total);
        Assert.Equal("经营范围涉及禁止类项目", forSupervisor.Rows[0].Reason);
        Assert.Equal("窗口甲（窗口工作人员）", forSupervisor.Rows[0].ProposedBy);
        Assert.Equal("2026年11月23日 09:30", forSupervisor.Rows[0].ProposedAt);
        Assert.Equal("住所属于违章建筑", forSupervisor.Rows[1].Reason);
        Assert.Equal("市场监管审批员（后台审批（市场监管））", forSupervisor.Rows[1].ProposedBy);
        Assert.Equal($"/Cases/{older}#actions", forSupervisor.Rows[0].Href);
        Assert.Equal(forSupervisor.Rows.Select(r => r.Number), (await factory.SendAs(admin, new RejectionQueue.Query())).Rows.Select(r => r.Number));

        Assert.True((await factory.QueueAsync(supervisor)).SeesRejections);
        Assert.True((await factory.QueueAsync(admin)).SeesRejections);
        Assert.False((await factory.QueueAsync(window)).SeesRejections);
        Assert.False((await factory.QueueAsync(market)).SeesRejections);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(window, new RejectionQueue.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(market, new RejectionQueue.Query()));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(applicant, new RejectionQueue.Query()));

        await factory.ActNowAsync(supervisor, older, CaseTrigger.ApproveRejection, "同意");
        Assert.Equal([newer], (await factory.SendAs(supervisor, new RejectionQueue.Query())).Rows.Select(r => r.Number));
    }
}
