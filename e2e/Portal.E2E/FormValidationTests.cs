using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E;

/// <summary>
/// The forms check themselves in the browser with the server's own rules and Chinese messages before anything is
/// sent: an empty 注册 form and the long 企业开办 form say what is wrong beside each field without a request, and
/// the corrected form is sent and accepted.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FormValidationTests(PortalFixture fixture)
{
    private const string ValidPassword = PortalFixture.Password;

    [Fact]
    public async Task Empty_forms_are_refused_in_the_browser_in_chinese_and_the_corrected_establishment_form_is_sent()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Portal.Url,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(new Uri(request.Url).PathAndQuery);
            }
        };
        try
        {
            // 注册: sent empty, the browser lists the problems in Chinese and nothing reaches the server.
            await page.GotoAsync("/Account/Register");
            await page.ClickAsync("button[type=submit]:has-text('注册')");
            await Assertions.Expect(page.Locator("[data-valmsg-for='Data.Mobile']")).ToHaveTextAsync("请填写手机号。");
            await Assertions.Expect(page.Locator("[data-valmsg-for='Data.FullName']")).ToHaveTextAsync("请填写姓名。");
            await Assertions.Expect(page.Locator("[data-testid=client-errors]")).ToBeVisibleAsync();
            Assert.Empty(posts);
            await AssertNoLatinWordsAsync(page);

            var id = ValidIdNumber();
            var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999);
            await page.FillAsync("#Data_FullName", "校验测试人");
            await page.FillAsync("#Data_IdNumber", id);
            await page.FillAsync("#Data_Mobile", mobile);
            await page.FillAsync("#Data_Password", ValidPassword);
            await page.FillAsync("#Data_ConfirmPassword", ValidPassword + "x");
            await page.ClickAsync("button[type=submit]:has-text('注册')");
            await Assertions.Expect(page.Locator("[data-valmsg-for='Data.ConfirmPassword']")).ToHaveTextAsync("两次输入的密码不一致。");
            Assert.Empty(posts);
            await page.FillAsync("#Data_ConfirmPassword", ValidPassword);
            await page.ClickAsync("button[type=submit]:has-text('注册')");
            // The same answer for a new and an existing account: the sign-in page with a notice; then the person signs in.
            await page.WaitForURLAsync(new Regex("/Account/Login\\?Registered=True$"));
            await Assertions.Expect(page.Locator("[data-testid=registered-notice]")).ToContainTextAsync("注册申请已提交");
            Assert.Equal(["/Account/Register"], posts);
            await page.FillAsync("#Data_UserName", mobile);
            await page.FillAsync("#Data_Password", ValidPassword);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(new Regex("/Cases$"));
            posts.Clear();

            // 企业开办: the long form sent empty says what is wrong beside each field, before any request.
            await page.GotoAsync("/Establishment/Apply");
            var form = page.Locator("[data-testid=establishment-form]");
            await page.ClickAsync("button:has-text('提交申请')");
            var expected = new Dictionary<string, string>
            {
                ["Data.ProposedName"] = "请填写拟申请的企业名称。",
                ["Data.RegisteredCapital"] = "请填写注册资本。",
                ["Data.Address"] = "请填写住所（门牌号）。",
                ["Data.LegalRepresentative"] = "请填写法定代表人（负责人）姓名。",
                ["Data.ContactName"] = "请填写联系人。",
                ["Data.ContactPhone"] = "请填写联系电话。",
            };
            foreach (var (field, message) in expected)
            {
                await Assertions.Expect(form.Locator($"[data-valmsg-for='{field}']")).ToHaveTextAsync(message);
                await Assertions.Expect(form.Locator($"[name='{field}']")).ToHaveClassAsync(new Regex("input-validation-error"));
            }

            await Assertions.Expect(page.Locator("[data-testid=client-errors]")).ToContainTextAsync("请填写拟申请的企业名称。");
            await Assertions.Expect(form.Locator("[name='Data.ProposedName']")).ToBeFocusedAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("form-validation-establishment-empty"), FullPage = true });
            Assert.Empty(posts);
            await AssertNoLatinWordsAsync(page);

            // A wrong value is named as it is typed, still in the browser.
            await form.Locator("[name='Data.ContactPhone']").FillAsync("12345");
            await form.Locator("[name='Data.ContactPhone']").BlurAsync();
            await Assertions.Expect(form.Locator("[data-valmsg-for='Data.ContactPhone']")).ToHaveTextAsync("联系电话应为手机号或带区号的固定电话。");
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("20000000");
            await page.ClickAsync("button:has-text('提交申请')");
            await Assertions.Expect(form.Locator("[data-valmsg-for='Data.RegisteredCapital']")).ToHaveTextAsync("注册资本超过1000亿元，请核对单位（万元）。");
            Assert.Empty(posts);

            // Corrected, the form is sent once and accepted.
            var name = $"枣庄{ChineseDigits(4)}校验科技有限公司";
            await form.Locator("[name='Data.ProposedName']").FillAsync(name);
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("100");
            await form.Locator("[name='Data.Address']").FillAsync("山东省枣庄市市中区光明路99号");
            await form.Locator("input[name='Data.ScopeCodes']").First.CheckAsync();
            await form.Locator("[name='Data.LegalRepresentative']").FillAsync("校验测试人");
            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(id);
            await form.Locator("[name='Data.Investors[0].Name']").FillAsync("校验测试人");
            await form.Locator("[name='Data.Investors[0].IdentityNumber']").FillAsync(id);
            await form.Locator("[name='Data.Investors[0].SharePercent']").FillAsync("100");
            await form.Locator("[name='Data.ContactName']").FillAsync("校验测试人");
            await form.Locator("[name='Data.ContactPhone']").FillAsync(mobile);
            await Assertions.Expect(page.Locator("[data-testid=client-errors]")).ToBeHiddenAsync();
            await page.ClickAsync("button:has-text('提交申请')");
            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            Assert.Equal(["/Establishment/Apply?handler=Submit"], posts);
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("办件编号");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>What the person reads on the page (labels, messages, the list of problems) has no English word.</summary>
    private static async Task AssertNoLatinWordsAsync(IPage page)
    {
        var messages = await page.Locator(".field-validation-error, [data-testid=client-errors] li").AllInnerTextsAsync();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotMatch("[A-Za-z]{2,}", m));
    }

    /// <summary>A 居民身份证号 that passes the GB 11643 check character, different on every run.</summary>
    private static string ValidIdNumber()
    {
        var body = $"11010519{Random.Shared.Next(60, 99)}0101{Random.Shared.Next(100, 999)}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static string ChineseDigits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => "零一二三四五六七八九"[Random.Shared.Next(10)]));
}
