using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>The 注销 forms of the staff case page over HTTP: deciding an objection and confirming a shared cancellation.</summary>
public sealed class CasePageHttpTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Market_decides_an_objection_and_a_department_confirms_the_cancellation_on_the_case_page(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        await factory.FileAsync(number, "赵德胜", "13912345678", "该企业尚欠货款。");
        var page = $"/Cases/{number}";

        // 市场监管 sees the objector and the decision form; the applicant does not get that form.
        factory.Time.SetChina(2026, 12, 1, 10);
        using (var applicant = await new HttpSession(factory).SignedInAsync(world.Representative))
        {
            var own = await applicant.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, own.Status);
            Assert.DoesNotContain("handler=Objection", own.Body);
        }

        using (var market = await new HttpSession(factory).SignedInAsync(world.Market))
        {
            var shown = await market.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, shown.Status);
            Assert.Contains("赵德胜（13912345678）", shown.Text);
            var action = $"/Cases/{number}?handler=Objection";

            var silent = await market.SubmitAsync(shown, action, ("Objection.Upheld", "false"), ("Objection.Reason", ""));
            Assert.Equal(HttpStatusCode.OK, silent.Status);
            Assert.Contains("请写明异议处理意见（成立或不成立的理由）。", silent.Text);

            var decided = await market.SubmitAsync(shown, action, ("Objection.Upheld", "false"), ("Objection.Reason", "异议人未提供证据"));
            Assert.True(decided.Status == HttpStatusCode.Redirect, decided.ToString());
            var after = await market.GetAsync(decided.RedirectPath!);
            Assert.Contains("已认定异议不成立。", after.Text);
            Assert.Contains("异议人未提供证据", after.Text);
        }

        var response = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(NoticeDecision.Dismissed, response.Decision);
        Assert.Equal(world.Market.Name, response.DecidedByName);
        Assert.Equal(CaseState.NoticePeriod, (await factory.LoadCaseAsync(number)).State);

        factory.Time.SetChina(2026, 12, 22, 9);
        await factory.SweepAsync();
        factory.Time.SetChina(2026, 12, 22, 10);
        await world.ActAsync(world.Market, number, CaseTrigger.Complete);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");

        using (var session = await new HttpSession(factory).SignedInAsync(tax))
        {
            var shown = await session.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, shown.Status);
            Assert.Contains("data-testid=\"shares\"", shown.Body);
            var confirmed = await session.SubmitAsync(shown, $"/Cases/{number}?handler=Share");
            Assert.True(confirmed.Status == HttpStatusCode.Redirect, confirmed.ToString());
            var after = await session.GetAsync(confirmed.RedirectPath!);
            Assert.Contains("已确认收到注销信息。", after.Text);
            Assert.Contains("税务审批员（", after.Text);
            // The button is gone: confirming again from the old page is refused in Chinese.
            var twice = await session.SubmitAsync(shown, $"/Cases/{number}?handler=Share");
            Assert.Equal(HttpStatusCode.OK, twice.Status);
            Assert.Contains("已于之前确认，无需重复确认。", twice.Text);
        }

        var shares = (await factory.ApplicationAsync(number)).Shares;
        Assert.Equal("税务审批员", shares.Single(s => s.Department == Department.Tax).ConfirmedByName);
        Assert.Single(shares, s => s.Confirmed);
    }
}
