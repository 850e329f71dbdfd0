using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// 好差评 in the browser, the 差评 loop from end to end: an applicant's 即报即得 企业开办 case (standard scope, only the
/// registration) is 办结 by 市场监管; the applicant rates its 办理 非常不满意 (real-name, with the reason); the supervisor
/// finds it in 差评整改, records the 回访 with the rater's contact, finds it 属实 and — after the clock passed the
/// 15-working-day limit, so the list shows it red — gives the rectification result; the applicant reads the reply from
/// the case page's rating link and rates it 满意; the supervisor's page says 已办结. Runs on its own portal with the
/// test clock.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RatingWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Applicant = "13800000001";

    private const string ApplicantName = "张明";

    /// <summary>The demo 张明's own (verified) ID number: 即报即得 needs the filer to be the verified legal representative.</summary>
    private const string ApplicantIdNumber = "370402199001010016";

    private const string Complaint = "营业执照办结后三天才通知领取，窗口电话无人接听";

    private const string Visit = "已电话回访申请人，确认反映的问题";

    private const string Verification = "核实属实：办结短信未发出，窗口电话占线";

    private const string Rectification = "已修复办结短信通知，增设咨询专线并对窗口人员进行提醒教育";

    [Fact]
    public async Task RatingWalk_bad_rating_of_a_finished_case_to_the_raters_satisfaction()
    {
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Portal__TestClock"] = "true" });
        var walk = new Walk(fixture, portal, output, "rating");
        var company = $"枣庄好差评{ChineseDigits(3)}科技有限公司";

        // 1. The applicant, the verified legal representative named in the form, applies with standard, permit-free scope and
        //    only the registration: accepted at once (即报即得).
        var number = "";
        await walk.AsAsync(Applicant, "01-apply", async page =>
        {
            await page.GotoAsync("/Establishment/Apply");
            var form = page.Locator("[data-testid=establishment-form]");
            await form.Locator("[name='Data.ProposedName']").FillAsync(company);
            await form.Locator("[name='Data.Type']").SelectOptionAsync("LimitedLiability");
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("30");
            await form.Locator("[name='Data.Address']").FillAsync("山东省枣庄市市中区光明路18号");
            await form.Locator("input[name='Data.ScopeCodes'][value=tech]").CheckAsync();
            await form.Locator("[name='Data.LegalRepresentative']").FillAsync(ApplicantName);
            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(ApplicantIdNumber);
            await form.Locator("[name='Data.Investors[0].Name']").FillAsync(ApplicantName);
            await form.Locator("[name='Data.Investors[0].IdentityNumber']").FillAsync(ApplicantIdNumber);
            await form.Locator("[name='Data.Investors[0].SharePercent']").FillAsync("100");
            await form.Locator("[name='Data.ContactName']").FillAsync(ApplicantName);
            await form.Locator("[name='Data.ContactPhone']").FillAsync(Applicant);
            foreach (var item in await form.Locator("input[name='Data.SynchronousItems']").AllAsync())
            {
                await item.UncheckAsync();
            }

            // 即报即得 needs the 住所使用证明 (required, not 容缺) handed in with the form.
            await FormFiles.ChoosePremisesAsync(form);
            await page.ClickAsync("button:has-text('提交申请')");
            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            number = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
        });
        output.WriteLine($"办件编号：{number}，企业名称：{company}");

        // 2. 市场监管 does the registration: the case is 办结.
        await walk.AsAsync("review-market", "02-register", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            var row = page.Locator("[data-testid=tracks] tbody tr[data-track='设立登记']");
            await row.Locator("button[name='Item.Trigger'][value=Start]").ClickAsync();
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已开始办理");
            await page.Locator("[data-testid=tracks] tbody tr[data-track='设立登记'] button[name='Item.Trigger'][value=Complete]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await Assertions.Expect(page.Locator("[data-testid=rating-links]")).ToHaveCountAsync(0);
        });

        // 3. The applicant rates 办理 非常不满意 from the case page, real-name, with the reason.
        var ratingPath = "";
        await walk.AsAsync(Applicant, "03-rate", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            var links = page.Locator("[data-testid=rating-links]");
            await Assertions.Expect(links).ToBeVisibleAsync();
            await links.Locator("a[data-subject=Processing]").ClickAsync();
            await page.WaitForURLAsync(new Regex($"/Ratings/Case/{Regex.Escape(number)}/Processing$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("评价 · 办理环节");

            foreach (var indicator in new[] { "overall", "efficiency", "guide", "convenience", "platform" })
            {
                await page.Locator($"input[name='Data.Scores[{indicator}]'][value=VeryDissatisfied]").CheckAsync();
            }

            // Forgetting the reason of a 差评 is refused in Chinese; the choices stay.
            await page.ClickAsync("[data-testid=submit-rating]");
            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("差评请写明不满意的原因");
            await Assertions.Expect(page.Locator("input[name='Data.Scores[overall]'][value=VeryDissatisfied]")).ToBeCheckedAsync();

            await page.Locator("#rating-comment").FillAsync(Complaint);
            await Assertions.Expect(page.Locator("input[name='Data.Anonymous'][value=false]")).ToBeCheckedAsync();
            await Walk.ShotAsync(page, "rating-01-form");
            await page.ClickAsync("[data-testid=submit-rating]");
            await page.WaitForURLAsync(new Regex("/Ratings/View/[0-9a-f]{24}$"));
            ratingPath = new Uri(page.Url).AbsolutePath;
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("感谢您的评价");
            await Assertions.Expect(page.Locator("[data-testid=my-rating]")).ToContainTextAsync("非常不满意（实名）");
            await Assertions.Expect(page.Locator("[data-testid=my-rating]")).ToContainTextAsync(Complaint);
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("待回访");
        });
        output.WriteLine($"评价页面：{ratingPath}");

        // 4. The supervisor finds the 差评, calls the rater back (their contact is shown for that), verifies it.
        var followUpPath = "";
        await walk.AsAsync("supervisor", "04-visit-verify", async page =>
        {
            // The list names no case and no rater: open each 差评 (the demo data has one too) to find this case's.
            await page.GotoAsync("/Ratings/FollowUps");
            var rows = page.Locator("[data-testid=follow-ups] tbody tr");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            var hrefs = new List<string>();
            foreach (var link in await rows.Locator("a[href^='/Ratings/FollowUps/']").AllAsync())
            {
                hrefs.Add((await link.GetAttributeAsync("href"))!);
            }

            foreach (var href in hrefs)
            {
                await page.GotoAsync(href);
                if (await page.Locator($"a[href='/Cases/{number}']").CountAsync() == 1)
                {
                    followUpPath = href;
                    break;
                }
            }

            Assert.True(followUpPath.Length > 0, $"no 差评整改 of {number} among {string.Join(", ", hrefs)}");
            await page.GotoAsync("/Ratings/FollowUps");
            var row = page.Locator($"[data-testid=follow-ups] tbody tr:has(a[href='{followUpPath}'])");
            await Assertions.Expect(row).ToContainTextAsync("非常不满意");
            await Assertions.Expect(row).ToContainTextAsync("实名");
            await Assertions.Expect(row).ToContainTextAsync("待回访");
            await Assertions.Expect(row).Not.ToContainTextAsync(Applicant);
            await Assertions.Expect(row).Not.ToContainTextAsync(ApplicantName);
            await row.Locator($"a[href='{followUpPath}']").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/Ratings/FollowUps/\d+$"));

            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("待回访");
            await Assertions.Expect(page.Locator("[data-testid=rater]")).ToContainTextAsync($"{ApplicantName} {Applicant}");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(Complaint);
            await page.Locator("#act-text").FillAsync(Visit);
            await page.ClickAsync("button[name='Act.Trigger'][value=RecordVisit]");
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("待核实");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已保存");

            await page.Locator("input[name='Act.Finding'][value=True]").CheckAsync();
            await page.Locator("#act-text").FillAsync(Verification);
            await page.ClickAsync("button[name='Act.Trigger'][value=Verify]");
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("整改中");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("属实：" + Verification);
        });

        // 5. Thirty days later the 15 working days are over: the list shows the follow-up red; the result goes back.
        var now = await walk.AdvanceClockAsync(TimeSpan.FromDays(30));
        output.WriteLine($"门户时钟：{now:yyyy-MM-dd HH:mm}");
        await walk.AsAsync("supervisor", "05-rectify", async page =>
        {
            await page.GotoAsync("/Ratings/FollowUps");
            var row = page.Locator($"[data-testid=follow-ups] tbody tr:has(a[href='{followUpPath}'])");
            await Assertions.Expect(row).ToHaveClassAsync("row-overdue");
            await Assertions.Expect(row).ToContainTextAsync("已超时");
            await Assertions.Expect(row).ToContainTextAsync("整改中");

            await page.GotoAsync(followUpPath);
            await page.Locator("#act-text").FillAsync(Rectification);
            await page.ClickAsync("button[name='Act.Trigger'][value=Rectify]");
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("待评价人确认");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(Rectification);
            await Walk.ShotAsync(page, "rating-02-supervisor");
        });

        // 6. The applicant is told (消息), opens the rating from the case page, reads the reply and rates it 满意.
        await walk.AsAsync(Applicant, "06-reply", async page =>
        {
            await page.GotoAsync("/Messages");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("您的评价有了整改反馈");

            await page.GotoAsync($"/Cases/{number}");
            var rated = page.Locator("[data-testid=rating-links] a[data-subject=Processing]");
            await Assertions.Expect(rated).ToHaveTextAsync("办理环节已评价");
            await rated.ClickAsync();
            await page.WaitForURLAsync(new Regex("/Ratings/View/[0-9a-f]{24}$"));
            Assert.Equal(ratingPath, new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("待评价人确认");
            await Assertions.Expect(page.Locator("[data-testid=follow-up-reply]")).ToContainTextAsync(Rectification);
            await Assertions.Expect(page.Locator("[data-testid=follow-up]")).ToContainTextAsync("核实结论：属实");
            await Walk.ShotAsync(page, "rating-03-reply");

            await page.Locator("[data-testid=respond-form] input[name='Answer.Satisfaction'][value=Satisfied]").CheckAsync();
            await page.ClickAsync("[data-testid=respond]");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("本条差评处理完毕");
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("已办结");
            await Assertions.Expect(page.Locator("[data-testid=follow-up]")).ToContainTextAsync("您对整改结果的评价：满意");
            await Assertions.Expect(page.Locator("[data-testid=respond-form]")).ToHaveCountAsync(0);
        });

        // 7. The supervisor's page says 已办结, with the rater's answer; no more buttons.
        await walk.AsAsync("supervisor", "07-closed", async page =>
        {
            await page.GotoAsync(followUpPath);
            await Assertions.Expect(page.Locator("[data-testid=follow-up-state]")).ToHaveTextAsync("已办结");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("评价人对整改");
            await Assertions.Expect(page.Locator("[data-testid=follow-up-form]")).ToHaveCountAsync(0);
            await Walk.ShotAsync(page, "rating-04-closed");

            // Closed: gone from the open list, listed with 已办结 when closed ones are included.
            await page.GotoAsync("/Ratings/FollowUps");
            await Assertions.Expect(page.Locator($"a[href='{followUpPath}']")).ToHaveCountAsync(0);
            await page.GotoAsync("/Ratings/FollowUps?includeClosed=true");
            await Assertions.Expect(page.Locator($"[data-testid=follow-ups] tbody tr:has(a[href='{followUpPath}'])")).ToContainTextAsync("已办结");
        });
    }

    private static string ChineseDigits(int count)
    {
        const string digits = "〇一二三四五六七八九";
        return string.Concat(Enumerable.Range(0, count).Select(_ => digits[Random.Shared.Next(digits.Length)]));
    }
}
