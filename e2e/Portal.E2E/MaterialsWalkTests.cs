using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Proxy;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// 申请材料 online from end to end (issue 17), in the browser: an applicant on a phone attaches a PDF and a camera photo
/// to a 企业开办 application with a food-business scope; the window views both in the page, marks the photo 不合格 and
/// sends the 一次性告知 built from it; the applicant answers it on the phone with a new photo; the window accepts the
/// item and 受理 the case. Everybody signs in through <see cref="PortalFixture.SignInAsync"/>. The walk runs on the
/// collection's portal (SQLite, files on disk) and on a portal of its own on PostgreSQL (PORTAL_TEST_PG, files as
/// blobs in the database), as issue 17 asks ("the same walk passes on PostgreSQL").
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class MaterialsWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Applicant = "13800000002";

    private const string ValidId = "11010519491231002X";

    private const string Reason = "照片不清晰，看不清法定代表人签字";

    /// <summary>A common phone's CSS viewport.</summary>
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Theory]
    [InlineData("SQLite")]
    [InlineData("PostgreSQL")]
    public async Task MaterialsWalk_files_from_a_phone_reviewed_per_item_one_notice_answered_online_and_the_case_accepted(string provider)
    {
        if (provider == "SQLite")
        {
            await WalkAsync(fixture.Portal, provider, database: null);
            return;
        }

        await using var database = await ProxyDatabase.CreateAsync();
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Portal"] = database.ConnectionString,
        });
        await WalkAsync(portal, provider, database);
    }

    private async Task WalkAsync(PortalProcess portal, string provider, ProxyDatabase? database)
    {
        var walk = new Walk(fixture, portal, output, $"materials-{provider}");
        var name = $"枣庄材料测试{Suffix()}餐饮有限公司";
        output.WriteLine($"企业名称：{name}");

        // 1. The applicant, on a phone: the food-business lines ask for a file or a camera photo; a PDF and a photo go with the form.
        var number = "";
        var premises = SampleFiles.Pdf("premises");
        await PhoneAsync(portal, Applicant, "01-apply", async page =>
        {
            await page.GotoAsync("/Establishment/Apply");
            var form = page.Locator("[data-testid=establishment-form]");
            await Assertions.Expect(form).ToHaveAttributeAsync("enctype", "multipart/form-data");
            await form.Locator("[name='Data.ProposedName']").FillAsync(name);
            await form.Locator("[name='Data.Type']").SelectOptionAsync("LimitedLiability");
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("50");
            await form.Locator("[name='Data.Address']").FillAsync("山东省枣庄市市中区文化路18号");
            await form.Locator("input[name='Data.ScopeCodes'][value=catering]").CheckAsync();
            await form.Locator("[name='Data.LegalRepresentative']").FillAsync("李华");
            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].Name']").FillAsync("李华");
            await form.Locator("[name='Data.Investors[0].IdentityNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].SharePercent']").FillAsync("100");
            await form.Locator("[name='Data.ContactName']").FillAsync("李华");
            await form.Locator("[name='Data.ContactPhone']").FillAsync(Applicant);

            var plan = page.Locator("[data-testid=apply-material-floor-plan]");
            var rules = page.Locator("[data-testid=apply-material-food-safety-rules]");
            await Assertions.Expect(plan).ToHaveAttributeAsync("data-applies", "true");
            await Assertions.Expect(rules).ToHaveAttributeAsync("data-applies", "true");

            // 拍照上传: the phone opens its back camera for this input; the button fits the phone's width.
            var camera = rules.Locator("[data-testid=camera-food-safety-rules]");
            await Assertions.Expect(camera).ToHaveAttributeAsync("capture", "environment");
            await Assertions.Expect(camera).ToHaveAttributeAsync("accept", "image/*");
            var cameraButton = rules.Locator("label.file-camera");
            await Assertions.Expect(cameraButton).ToContainTextAsync("拍照上传");
            await cameraButton.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(cameraButton).ToBeVisibleAsync();
            var box = await cameraButton.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= Phone.Width, $"拍照上传 reaches past the phone's width: x={box.X}, width={box.Width}");

            await plan.Locator("[data-testid=file-floor-plan]").SetInputFilesAsync(new FilePayload
            {
                Name = "经营场所平面布局图.pdf",
                MimeType = "application/pdf",
                Buffer = SampleFiles.Pdf("floor plan"),
            });
            await camera.SetInputFilesAsync(new FilePayload
            {
                Name = "IMG_0001.jpg",
                MimeType = "image/jpeg",
                Buffer = SampleFiles.Jpeg(orientation: 6),
            });
            await Assertions.Expect(rules.Locator(".file-chosen")).ToContainTextAsync("已选择：IMG_0001.jpg");
            // The 住所使用证明 (required, not 容缺): without it the window could not 受理.
            await FormFiles.ChoosePremisesAsync(form);
            await Walk.ShotAsync(page, $"materials-{provider}-01-phone-form");

            await page.ClickAsync("button:has-text('提交申请')");
            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            number = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("已随申请提交材料文件3个");
            await Assertions.Expect(StatusOf(page, "floor-plan")).ToHaveTextAsync("待审核");
            await Assertions.Expect(StatusOf(page, "food-safety-rules")).ToHaveTextAsync("待审核");
            await Assertions.Expect(StatusOf(page, "premises")).ToHaveTextAsync("待审核");
            await Walk.ShotAsync(page, $"materials-{provider}-02-phone-submitted");
        });
        output.WriteLine($"办件编号：{number}");

        // 2. The window sees each file in the page (the photo upright), passes the PDF, fails the photo with a reason,
        //    and sends the 一次性告知 that lists it.
        await walk.AsAsync("window01", "02-review", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");

            var pdf = Item(page, "floor-plan").Locator("iframe[data-testid=pdf-viewer]");
            await Assertions.Expect(pdf).ToHaveCountAsync(1);
            var shown = await page.APIRequest.GetAsync((await pdf.GetAttributeAsync("src"))!);
            Assert.Equal(200, shown.Status);
            Assert.StartsWith("application/pdf", shown.Headers["content-type"]);

            // The photo was taken sideways (EXIF orientation 6 on a 400×200 picture): it is shown 200 wide, 400 high.
            var photo = Item(page, "food-safety-rules").Locator("img[data-testid=image-viewer]");
            await photo.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(photo).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await photo.ElementHandleAsync());
            var size = await photo.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
            Assert.Equal([200, 400], size);

            await page.Locator("[data-testid=review-floor-plan] button[name='Judge.Accepted'][value=true]").ClickAsync();
            await Assertions.Expect(StatusOf(page, "floor-plan")).ToHaveTextAsync("合格");

            var review = page.Locator("[data-testid=review-food-safety-rules]");
            await review.Locator("[name='Judge.Reason']").FillAsync(Reason);
            await review.Locator("button[name='Judge.Accepted'][value=false]").ClickAsync();
            await Assertions.Expect(StatusOf(page, "food-safety-rules")).ToHaveTextAsync("不合格");
            await Assertions.Expect(Item(page, "food-safety-rules").Locator("[data-testid=material-reason]")).ToContainTextAsync(Reason);

            // 受理 is not possible while an item is 不合格; the notice lists exactly that item.
            var notice = page.Locator("[data-testid=notice-form]");
            await Assertions.Expect(notice).ToContainTextAsync($"食品安全管理制度：{Reason}");
            await Assertions.Expect(notice).Not.ToContainTextAsync("经营场所平面布局图");
            await Assertions.Expect(notice).Not.ToContainTextAsync("住所（经营场所）使用证明");
            await Walk.ShotAsync(page, $"materials-{provider}-03-window-review");
            await notice.Locator("[data-testid=notice-submit]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待补正");
        });

        // 3. The applicant, on the phone, answers the notice with a new photo.
        await PhoneAsync(portal, Applicant, "03-answer", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待补正");
            var answer = page.Locator("[data-testid=answer-form]");
            await Assertions.Expect(answer.Locator("[data-testid=answer-food-safety-rules]")).ToContainTextAsync(Reason);
            await Assertions.Expect(answer.Locator("[data-testid=answer-floor-plan]")).ToHaveCountAsync(0);

            var camera = answer.Locator("[data-testid=camera-food-safety-rules]");
            await Assertions.Expect(camera).ToHaveAttributeAsync("capture", "environment");
            await camera.SetInputFilesAsync(new FilePayload
            {
                Name = "IMG_0002.jpg",
                MimeType = "image/jpeg",
                Buffer = SampleFiles.Jpeg(width: 600, height: 300, orientation: 6),
            });
            await Walk.ShotAsync(page, $"materials-{provider}-04-phone-answer");
            await answer.Locator("[data-testid=answer-submit]").ClickAsync();

            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await Assertions.Expect(page.Locator("[data-testid=answer-form]")).ToHaveCountAsync(0);
            await Assertions.Expect(StatusOf(page, "food-safety-rules")).ToHaveTextAsync("待审核");
            await Assertions.Expect(Item(page, "food-safety-rules")).ToContainTextAsync("此前提交、已被替换的版本（1 个");
        });

        // 4. The window passes the new photo and accepts the case.
        await walk.AsAsync("window01", "04-accept", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await Assertions.Expect(Item(page, "food-safety-rules").Locator("[data-testid=download]")).ToContainTextAsync("IMG_0002.jpg");
            await page.Locator("[data-testid=review-food-safety-rules] button[name='Judge.Accepted'][value=true]").ClickAsync();
            await Assertions.Expect(StatusOf(page, "food-safety-rules")).ToHaveTextAsync("合格");

            await page.ClickAsync("button[name='Data.Trigger'][value=Accept]");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
            await Walk.ShotAsync(page, $"materials-{provider}-05-accepted");
        });

        if (database is not null)
        {
            // The walk ran on PostgreSQL: the case is in its database, the 住所使用证明 among its blobs.
            var cases = await database.QueryAsync($"SELECT \"Number\" FROM \"Cases\" WHERE \"Number\" = '{number}'");
            Assert.Single(cases);
            var hash = Convert.ToHexStringLower(SHA256.HashData(premises));
            var blobs = await database.QueryAsync($"SELECT \"Size\" FROM \"FileBlobs\" WHERE \"Hash\" = '{hash}'");
            Assert.Equal(premises.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(blobs)[0]);
        }
    }

    private static ILocator Item(IPage page, string code) => page.Locator($"[data-testid=material-{code}]");

    private static ILocator StatusOf(IPage page, string code) => Item(page, code).Locator("[data-testid=material-status]");

    private static string Suffix()
    {
        const string digits = "〇一二三四五六七八九";
        return string.Concat(Enumerable.Range(0, 4).Select(_ => digits[Random.Shared.Next(digits.Length)]));
    }

    /// <summary>One person's part on a phone-sized screen, signed in through the fixture; a picture when it fails.</summary>
    private async Task PhoneAsync(PortalProcess portal, string userName, string step, Func<IPage, Task> body)
    {
        var page = await fixture.SignInAsync(userName, Phone, portal.Url);
        Assert.NotEqual("/Account/Login", new Uri(page.Url).AbsolutePath);
        try
        {
            await body(page);
        }
        catch
        {
            try
            {
                await Walk.ShotAsync(page, $"materials-failed-{step}");
                output.WriteLine($"失败于 {step}：{page.Url}（截图 materials-failed-{step}.png）");
            }
            catch (PlaywrightException)
            {
            }

            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
