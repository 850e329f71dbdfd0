using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Identity;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// Identity levels over HTTP: the window's verification page, the applicant's “我的实名等级”, the impostor's refusals on
/// the enterprise and 注销 pages, and the legal representative's agents with their revoke buttons.
/// </summary>
public sealed class IdentityHttpTests
{
    [Fact]
    public async Task Window_clerk_verifies_an_account_against_the_id_card_and_it_records_who_and_when()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var clerk = await factory.CreateUserAsync(Roles.Window, "王芳");
        await factory.WithDb(db => db.Users.Where(u => u.Id == clerk.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.WindowNumber, "A01")));
        var (person, mobile, idNumber) = await world.VerifiedPersonAsync("陈静", verified: false);
        factory.Time.SetChina(2026, 11, 23, 10, 15);

        using var applicant = await new HttpSession(factory).SignedInAsync(person);
        var mine = await applicant.GetAsync("/Identity");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal("未实名核验", mine.TestId("level"));
        Assert.Contains(IdentityRules.RaiseAtWindow, mine.Text);
        Assert.Contains("以法定代表人身份申请简易注销、普通注销", mine.TestId("level-rules"));
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/Identity/Verify")).Status);

        using var window = await new HttpSession(factory).SignedInAsync(clerk);
        var found = await window.GetAsync($"/Identity/Verify?search={mobile}");
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Contains("陈静", found.TestId("accounts"));
        Assert.Contains(Portal.Domain.Privacy.PersonalData.MaskIdNumber(idNumber), found.TestId("accounts"));
        Assert.DoesNotContain(idNumber, found.Text);
        var byId = await window.GetAsync($"/Identity/Verify?search={idNumber}");
        Assert.Contains(mobile, byId.TestId("accounts"));

        var form = await window.GetAsync($"/Identity/Verify?search={mobile}&account={person.Id}");
        var notChecked = await window.SubmitAsync(form, null, ("Data.FullName", "陈静"), ("Data.IdNumber", idNumber));
        Assert.Equal(HttpStatusCode.OK, notChecked.Status);
        Assert.Contains("请先核对居民身份证原件与申请人本人相符", notChecked.Text);
        var wrongName = await window.SubmitAsync(form, null, ("Data.FullName", "陈晶"), ("Data.IdNumber", idNumber), ("Data.CardChecked", "true"));
        Assert.Equal(HttpStatusCode.OK, wrongName.Status);
        Assert.Contains(VerifyAccount.Mismatch, wrongName.Text);
        Assert.Equal("陈晶", wrongName.InputValue("Data.FullName"));
        Assert.Equal(IdentityLevel.Unverified, (await UserAsync(factory, person)).Level);

        var done = await window.SubmitAsync(form, null, ("Data.FullName", " 陈静 "), ("Data.IdNumber", idNumber.ToLowerInvariant()), ("Data.CardChecked", "true"));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var verified = await UserAsync(factory, person);
        Assert.Equal(IdentityLevel.VerifiedAtWindow, verified.Level);
        Assert.Equal(clerk.Id, verified.VerifiedById);
        Assert.Equal("王芳（A01号窗口）", verified.VerifiedByName);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 10, 15), verified.VerifiedAt);
        var entry = await factory.WithDb(db => db.IdentityEvents.AsNoTracking().SingleAsync(e => e.UserId == person.Id));
        Assert.Equal(IdentityEventKind.Verified, entry.Kind);
        Assert.Equal(clerk.Id, entry.ActorId);
        Assert.DoesNotContain(idNumber, entry.Text);
        Assert.Contains("已完成实名核验", (await window.GetAsync(done.RedirectPath!)).Text);

        Assert.Equal("已实名核验（窗口核验，王芳（A01号窗口），2026年11月23日 10:15）", (await applicant.GetAsync("/Identity")).TestId("level"));

        // Verified once: the page offers no second verification, and the command refuses one.
        var after = await window.GetAsync($"/Identity/Verify?search={mobile}&account={person.Id}");
        Assert.Null(after.TestId("verify-form"));
        Assert.Contains("已实名核验（窗口核验", after.TestId("accounts"));
        var again = await Assert.ThrowsAsync<Portal.Web.Common.RuleViolationException>(() => factory.SendAs(clerk,
            new VerifyAccount.Command { UserId = person.Id, FullName = "陈静", IdNumber = idNumber, CardChecked = true }));
        Assert.Equal("该账号已实名核验（窗口核验），无需重复核验。", again.Message);
    }

    [Fact]
    public async Task Impostor_gets_chinese_refusals_on_the_enterprise_and_deregistration_pages_and_the_legal_representative_gets_them()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var impostor = await world.ImpostorAsync();
        var code = world.Enterprise.CreditCode;

        using var bad = await new HttpSession(factory).SignedInAsync(impostor);
        Assert.DoesNotContain(code, (await bad.GetAsync("/Enterprises")).Text);
        var licence = await bad.GetAsync($"/Enterprises/{code}");
        Assert.Equal(HttpStatusCode.NotFound, licence.Status);
        Assert.Contains(EnterpriseStanding.NotFound, licence.Text);
        Assert.DoesNotContain("电子印章", licence.Text);
        var start = await bad.GetAsync($"/Deregistration/Start/{code}?route=Simple");
        Assert.Equal(HttpStatusCode.Forbidden, start.Status);
        Assert.Contains(DeregistrationAccess.Refused, start.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await bad.GetAsync($"/Enterprises/{code}/Agents")).Status);
        Assert.Equal("未实名核验", (await bad.GetAsync("/Identity")).TestId("level"));

        using var good = await new HttpSession(factory).SignedInAsync(world.Representative);
        var page = await good.GetAsync($"/Enterprises/{code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("电子印章", page.Text);
        Assert.Contains("申请简易注销", page.TestId("deregistration-section"));
        Assert.Equal("尚未授权经办人。", page.TestId("agents-empty"));
        Assert.Equal(HttpStatusCode.OK, (await good.GetAsync($"/Deregistration/Start/{code}?route=Simple")).Status);
    }

    [Fact]
    public async Task Unverified_legal_representative_is_told_on_the_403_page_how_to_verify()
    {
        await using var factory = new PortalFactory();
        var representative = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var enterprise = await factory.RegisterEnterpriseAsync(await factory.CreateUserAsync(Roles.Applicant, "李华"), representative);

        using var session = await new HttpSession(factory).SignedInAsync(representative);
        var page = await session.GetAsync($"/Enterprises/{enterprise.CreditCode}");
        var start = await session.GetAsync($"/Deregistration/Start/{enterprise.CreditCode}?route=Simple");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains(EnterpriseStanding.VerifyFirst, page.Text);
        Assert.Equal(HttpStatusCode.Forbidden, start.Status);
        Assert.Contains(EnterpriseStanding.VerifyFirst, start.Text);
    }

    [Fact]
    public async Task Legal_representative_names_an_agent_on_the_page_and_revokes_them_with_the_button_at_once()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var (agent, mobile, idNumber) = await world.VerifiedPersonAsync("李四");
        var code = world.Enterprise.CreditCode;

        using var representative = await new HttpSession(factory).SignedInAsync(world.Representative);
        var form = await representative.GetAsync($"/Enterprises/{code}/Agents");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var refused = await representative.SubmitAsync(form, null, ("Data.AgentMobile", mobile), ("Data.AgentName", "李四"), ("Data.AgentIdNumber", idNumber));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("请至少选择一项受托事项", refused.Text);
        Assert.Equal(mobile, refused.InputValue("Data.AgentMobile"));

        var granted = await representative.SubmitAsync(form, null,
            ("Data.AgentMobile", mobile), ("Data.AgentName", "李四"), ("Data.AgentIdNumber", idNumber),
            ("Data.Services", DeregistrationService.SimpleCode), ("Data.ExpiresOn", "2026-12-31"));
        Assert.Equal(HttpStatusCode.Redirect, granted.Status);

        var page = await representative.GetAsync($"/Enterprises/{code}");
        var agents = page.TestId("agents-section");
        Assert.Contains("李四", agents);
        Assert.Contains("简易注销", agents);
        Assert.Contains("2026年12月31日（含当日）", agents);
        Assert.Contains("有效", agents);

        using var agentSession = await new HttpSession(factory).SignedInAsync(agent);
        var asAgent = await agentSession.GetAsync($"/Enterprises/{code}");
        Assert.Equal(HttpStatusCode.OK, asAgent.Status);
        Assert.Contains("受托事项：简易注销", asAgent.TestId("agent-standing"));
        Assert.Contains("申请简易注销", asAgent.TestId("deregistration-section"));
        Assert.DoesNotContain("申请普通注销", asAgent.TestId("deregistration-section"));
        Assert.Null(asAgent.TestId("agents-section"));
        Assert.Contains(world.Enterprise.Name, (await agentSession.GetAsync("/Identity")).TestId("mandates"));

        var revoked = await representative.SubmitAsync(page, $"/Enterprises/{code}/Agents?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        Assert.Contains("已撤销经办人李四的授权", (await representative.GetAsync(revoked.RedirectPath!)).Text);

        Assert.Equal(HttpStatusCode.NotFound, (await agentSession.GetAsync($"/Enterprises/{code}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await agentSession.GetAsync($"/Deregistration/Start/{code}?route=Simple")).Status);
        Assert.Contains("已于", (await representative.GetAsync($"/Enterprises/{code}")).TestId("agents-section"));
    }

    private static Task<PortalUser> UserAsync(PortalFactory factory, TestUser user) =>
        factory.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
}
