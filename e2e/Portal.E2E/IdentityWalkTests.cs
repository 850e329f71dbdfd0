using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// The impostor walk of issue 16, in the browser: an account registered as “冒名者” with the legal representative's ID
/// number cannot see the enterprise's licence and seals nor start its 简易注销 (Chinese refusals); the real legal
/// representative — the demo's unverified 李华 with her own enterprise — cannot either until window01 verifies her
/// against her ID card, and then files the 简易注销 herself.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class IdentityWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string LegalRepresentative = "13800000002";

    private const string Name = "李华";

    /// <summary>李华's 居民身份证号 in the demo data (37040219900101002 and its check character).</summary>
    private const string IdNumber = "370402199001010024";

    private const string EnterpriseName = "枣庄华美日用品有限公司";

    /// <summary>The impostor's own password (a strong one: registration may ask for more than the demo accounts have).</summary>
    private const string ImpostorPassword = "Qx7-walk-imposter-2026";

    [Fact]
    public async Task IdentityWalk_an_impostor_is_refused_and_the_legal_representative_verified_at_the_window_deregisters()
    {
        var walk = new Walk(fixture, fixture.Portal, output, "identity");

        // 1. 李华, not yet verified, sees the enterprise she registered, and is told she must be verified to deregister it.
        var code = "";
        await walk.AsAsync(LegalRepresentative, "01-unverified", async page =>
        {
            await page.GotoAsync("/Identity");
            await Assertions.Expect(page.Locator("[data-testid=level]")).ToHaveTextAsync("未实名核验");
            await Assertions.Expect(page.Locator("[data-testid=how-to-verify]")).ToContainTextAsync("居民身份证原件");

            await page.GotoAsync("/Enterprises");
            await page.ClickAsync($"a:has-text('{EnterpriseName}')");
            await page.WaitForURLAsync(new Regex(@"/Enterprises/[^/?#]+$"));
            code = (await page.Locator("[data-testid=credit-code]").InnerTextAsync()).Trim();
            await Assertions.Expect(page.Locator("[data-testid=owner-standing]")).ToContainTextAsync("您的账号尚未实名核验");
            await Assertions.Expect(page.Locator("[data-testid=deregistration-section] a:has-text('申请简易注销')")).ToHaveCountAsync(0);

            var refused = await page.GotoAsync($"/Deregistration/Start/{code}?route=Simple");
            Assert.Equal(403, refused!.Status);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("您的账号尚未实名核验");
            await Walk.ShotAsync(page, "identity-01-unverified-refused");
        });
        output.WriteLine($"统一社会信用代码：{code}");

        // 2. “冒名者” registers with 李华's ID number, and gets nothing of her enterprise.
        var impostorMobile = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        await walk.AnonymousAsync("02-impostor", async page =>
        {
            await page.GotoAsync("/Account/Register");
            await page.FillAsync("#Data_FullName", "冒名者");
            await page.FillAsync("#Data_IdNumber", IdNumber);
            await page.FillAsync("#Data_Mobile", impostorMobile);
            await page.FillAsync("#Data_Password", ImpostorPassword);
            await page.FillAsync("#Data_ConfirmPassword", ImpostorPassword);
            await page.ClickAsync("button[type=submit]:has-text('注册')");
            // Registration answers the same for everyone and signs nobody in: the impostor then signs in.
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?Registered=True$"));
            await page.FillAsync("#Data_UserName", impostorMobile);
            await page.FillAsync("#Data_Password", ImpostorPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Cases");

            await page.GotoAsync("/Enterprises");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(EnterpriseName);

            var licence = await page.GotoAsync($"/Enterprises/{code}");
            Assert.Equal(404, licence!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("未找到");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("电子印章");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(EnterpriseName);

            var start = await page.GotoAsync($"/Deregistration/Start/{code}?route=Simple");
            Assert.Equal(403, start!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("只有企业的法定代表人本人（已实名核验）");
            await Walk.ShotAsync(page, "identity-02-impostor-refused");

            await page.GotoAsync("/Identity");
            await Assertions.Expect(page.Locator("[data-testid=level]")).ToHaveTextAsync("未实名核验");
        });

        // 3. At the window: both accounts claim the ID number; window01 verifies the one whose name is on the ID card.
        await walk.AsAsync("window01", "03-verify", async page =>
        {
            await page.GotoAsync("/Identity/Verify");
            await page.FillAsync("#Search", IdNumber);
            await page.ClickAsync("button:has-text('查找账号')");
            var accounts = page.Locator("[data-testid=accounts]");
            await Assertions.Expect(accounts).ToContainTextAsync("冒名者");
            await Assertions.Expect(accounts).ToContainTextAsync(Name);

            await accounts.Locator($"tr[data-account='{LegalRepresentative}'] a:has-text('核验此账号')").ClickAsync();
            var form = page.Locator("[data-testid=verify-form]");
            await Assertions.Expect(page.Locator("#verify")).ToContainTextAsync(LegalRepresentative);
            await form.Locator("[name='Data.FullName']").FillAsync(Name);
            await form.Locator("[name='Data.IdNumber']").FillAsync(IdNumber);
            await form.Locator("input[name='Data.CardChecked']").CheckAsync();
            await page.ClickAsync("button:has-text('确认核验')");

            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已完成实名核验：李华");
            await Assertions.Expect(page.Locator($"[data-testid=accounts] tr[data-account='{LegalRepresentative}']")).ToContainTextAsync("已实名核验（窗口核验，王芳（A01号窗口）");
            await Assertions.Expect(page.Locator($"[data-testid=accounts] tr[data-account='{impostorMobile}']")).ToContainTextAsync("未实名核验");
            await Walk.ShotAsync(page, "identity-03-window-verified");
        });

        // 4. 李华, verified, sees her level and files the 简易注销 of her enterprise herself.
        await walk.AsAsync(LegalRepresentative, "04-deregister", async page =>
        {
            await page.GotoAsync("/Identity");
            await Assertions.Expect(page.Locator("[data-testid=level]")).ToContainTextAsync("已实名核验（窗口核验，王芳（A01号窗口），");

            await page.GotoAsync($"/Enterprises/{code}");
            await Assertions.Expect(page.Locator("[data-testid=licence]")).ToContainTextAsync(EnterpriseName);
            await Assertions.Expect(page.Locator("[aria-label='电子印章']")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=agents-section]")).ToContainTextAsync("尚未授权经办人");
            await page.Locator("[data-testid=deregistration-section] a:has-text('申请简易注销')").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/Deregistration/Start/[^/?#]+\?route=Simple$"));

            var form = page.Locator("[data-testid=deregistration-form]");
            foreach (var condition in await form.Locator("input[name='Data.Conditions']").AllAsync())
            {
                await condition.CheckAsync();
            }

            await form.Locator("input[name='Data.CommitmentAccepted']").CheckAsync();
            await form.Locator("[name='Data.SignedName']").FillAsync(Name);
            await page.ClickAsync("button:has-text('提交简易注销申请')");

            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("简易注销申请已提交");
            await Walk.ShotAsync(page, "identity-04-deregistration-filed");
        });

        // 5. The impostor still gets nothing.
        await walk.AnonymousAsync("05-impostor-again", async page =>
        {
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("#Data_UserName", impostorMobile);
            await page.FillAsync("#Data_Password", ImpostorPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Cases");
            Assert.Equal(404, (await page.GotoAsync($"/Enterprises/{code}"))!.Status);
            Assert.Equal(403, (await page.GotoAsync($"/Deregistration/Start/{code}?route=Simple"))!.Status);
        });
    }
}
