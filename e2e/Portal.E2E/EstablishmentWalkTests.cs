using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// 企业开办 from end to end, in the browser, as the real people would: the public guide, one applicant's form (with a
/// mistake corrected on the way), the window's 受理, every department's back office finishing its parallel track,
/// the electronic licence that the last 办结 issues, and the public check of its credit code.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class EstablishmentWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Applicant = "13800000002";

    /// <summary>Passes the check character (GB 11643); the same number with the last character changed does not.</summary>
    private const string ValidId = "11010519491231002X";

    private const string WrongChecksumId = "110105194912310021";

    /// <summary>The back-office account of each parallel track, by the label the case page shows.</summary>
    private static readonly Dictionary<string, string> ReviewerOfTrack = new()
    {
        ["设立登记"] = "review-market",
        ["印章刻制"] = "review-police",
        ["涉税办理"] = "review-tax",
        ["社保登记"] = "review-humanresources",
        ["医保登记"] = "review-medical",
        ["住房公积金登记"] = "review-housingfund",
        ["预约银行开户"] = "review-bank",
    };

    [Fact]
    public async Task EstablishmentWalk_one_company_from_the_form_to_the_verified_licence()
    {
        var name = $"枣庄端到端测试{ChineseDigits(3)}科技有限公司";
        output.WriteLine($"企业名称：{name}");

        // 1. Anyone: the guide states the promise, a live due date and the workflow drawn from the state machine.
        await AnonymousAsync("01-guide", async page =>
        {
            await page.GotoAsync("/Establishment");
            await Assertions.Expect(page.Locator("[data-testid=promise]")).ToContainTextAsync("内办结");
            await Assertions.Expect(page.Locator("[data-testid=due-now]")).ToContainTextAsync("预计于");
            await Assertions.Expect(page.Locator("[data-testid=workflow-diagram]").First).ToBeVisibleAsync();
            await ShotAsync(page, "establishment-01-guide");
        });

        // 2. The applicant fills in the one form: name check, a refused ID number that loses nothing, then the submission.
        var number = "";
        await AsAsync(Applicant, "02-apply", async page =>
        {
            await page.GotoAsync("/Establishment/Apply");
            var form = page.Locator("[data-testid=establishment-form]");
            await form.Locator("[name='Data.ProposedName']").FillAsync(name);
            await page.ClickAsync("button:has-text('检查名称')");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"“{name}”目前可以使用");

            await form.Locator("[name='Data.Type']").SelectOptionAsync("LimitedLiability");
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("100");
            await form.Locator("[name='Data.Address']").FillAsync("山东省枣庄市市中区光明路88号");
            await form.Locator("input[name='Data.ScopeCodes'][value=catering]").CheckAsync();
            await form.Locator("[name='Data.LegalRepresentative']").FillAsync("李华");
            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(WrongChecksumId);
            await form.Locator("[name='Data.Investors[0].Name']").FillAsync("李华");
            await form.Locator("[name='Data.Investors[0].IdentityNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].SharePercent']").FillAsync("100");
            await form.Locator("[name='Data.ContactName']").FillAsync("李华");
            await form.Locator("[name='Data.ContactPhone']").FillAsync(Applicant);
            // The 住所使用证明 (required, not 容缺) and the two catering lines (required for 受理) go with the form.
            await FormFiles.ChoosePremisesAsync(form);
            await FormFiles.ChooseCateringAsync(form);
            await page.ClickAsync("button:has-text('提交申请')");

            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("校验位不正确");
            // The refused form kept the chosen files (staged): nothing to choose again.
            foreach (var code in new[] { "premises", "floor-plan", "food-safety-rules" })
            {
                await Assertions.Expect(page.Locator($"[data-testid=apply-material-{code}] [data-testid=staged-file]")).ToHaveCountAsync(1);
            }

            Assert.EndsWith("/Establishment/Apply", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(form.Locator("[name='Data.ProposedName']")).ToHaveValueAsync(name);
            await Assertions.Expect(form.Locator("[name='Data.Address']")).ToHaveValueAsync("山东省枣庄市市中区光明路88号");
            await Assertions.Expect(form.Locator("input[name='Data.ScopeCodes'][value=catering]")).ToBeCheckedAsync();
            await Assertions.Expect(form.Locator("[name='Data.Investors[0].Name']")).ToHaveValueAsync("李华");
            await Assertions.Expect(form.Locator("[name='Data.ContactPhone']")).ToHaveValueAsync(Applicant);
            await ShotAsync(page, "establishment-02-id-error");

            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(ValidId);
            await page.ClickAsync("button:has-text('提交申请')");
            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            number = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
            Assert.Equal($"/Cases/{number}", new Uri(page.Url).AbsolutePath);
            // catering needs a permit: not 即报即得, it waits for the window.
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("已随申请提交材料文件3个");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"办件编号 {number}");
            await ShotAsync(page, "establishment-03-submitted");
        });
        output.WriteLine($"办件编号：{number}");

        // 3. The window accepts it; the synchronous tracks begin.
        var waiting = new List<string>();
        await AsAsync("window01", "04-accept", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await page.ClickAsync("button[name='Data.Trigger'][value=Accept]");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已受理");
            var rows = page.Locator("[data-testid=tracks] tbody tr[data-track]");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            foreach (var row in await rows.AllAsync())
            {
                if ((await StateOf(row).InnerTextAsync()).Trim() == "待办理")
                {
                    waiting.Add((await row.GetAttributeAsync("data-track"))!);
                }
            }

            await ShotAsync(page, "establishment-04-accepted");
        });
        output.WriteLine($"待办理的同步事项：{string.Join("、", waiting)}");
        Assert.Contains("设立登记", waiting);
        Assert.Contains("社保登记", waiting);
        Assert.Contains("涉税办理", waiting);
        Assert.All(waiting, label => Assert.True(ReviewerOfTrack.ContainsKey(label), $"no reviewer known for the track “{label}”"));

        // 4. Each department's reviewer starts and finishes its own track; nobody else can touch it.
        var checkedOtherDepartment = false;
        for (var i = 0; i < waiting.Count; i++)
        {
            var label = waiting[i];
            var reviewer = ReviewerOfTrack[label];
            var last = i == waiting.Count - 1;
            await AsAsync(reviewer, $"05-{reviewer}", async page =>
            {
                await page.GotoAsync($"/Cases/{number}");
                var row = Track(page, label);
                await Assertions.Expect(StateOf(row)).ToHaveTextAsync("待办理");

                if (!checkedOtherDepartment && reviewer == "review-tax")
                {
                    // 社保登记 is waiting, but it belongs to 人力资源社会保障: the tax office gets no button for it.
                    var other = Track(page, "社保登记");
                    await Assertions.Expect(StateOf(other)).ToHaveTextAsync("待办理");
                    await Assertions.Expect(row.Locator("button[value=Start]")).ToBeVisibleAsync();
                    await Assertions.Expect(other.Locator("button")).ToHaveCountAsync(0);
                    checkedOtherDepartment = true;
                }

                await row.Locator("button[name='Item.Trigger'][value=Start]").ClickAsync();
                await Assertions.Expect(StateOf(Track(page, label))).ToHaveTextAsync("办理中");
                await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已开始办理");
                if (last)
                {
                    await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
                }

                await Track(page, label).Locator("button[name='Item.Trigger'][value=Complete]").ClickAsync();
                await Assertions.Expect(StateOf(Track(page, label))).ToHaveTextAsync("已办结");
                await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync(last ? "办结" : "办理中");
                if (last)
                {
                    await ShotAsync(page, "establishment-05-completed");
                }
            });
        }

        Assert.True(checkedOtherDepartment, "the cross-department check did not run (no waiting 涉税办理 track)");

        // 5. The applicant finds the licence issued with the 办结 (统一出件).
        var code = "";
        await AsAsync(Applicant, "06-licence", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await RecordElapsedAsync(page.Locator("[data-testid=timeline]"));

            await page.ClickAsync("a:has-text('电子营业执照和电子印章')");
            await page.WaitForURLAsync(new Regex(@"/Enterprises/[^/?#]+$"));
            var licence = page.Locator("[data-testid=licence]");
            await Assertions.Expect(licence).ToBeVisibleAsync();
            await Assertions.Expect(licence).ToContainTextAsync(name);
            await Assertions.Expect(licence).ToContainTextAsync("李华");
            await Assertions.Expect(page.Locator("[data-testid=credit-code]")).ToHaveTextAsync(CreditCodePattern());
            code = (await page.Locator("[data-testid=credit-code]").InnerTextAsync()).Trim();
            Assert.Equal(18, code.Length);
            Assert.Equal($"/Enterprises/{code}", new Uri(page.Url).AbsolutePath);
            await ShotAsync(page, "establishment-licence");
        });
        output.WriteLine($"统一社会信用代码：{code}");

        // 6. Anyone can check the licence by its code.
        await AnonymousAsync("07-verify", async page =>
        {
            await page.GotoAsync($"/verify/{code}");
            await Assertions.Expect(page.Locator("[data-testid=verify-result]")).ToContainTextAsync("有效：该电子营业执照真实有效");
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(name);
            await ShotAsync(page, "establishment-06-verify");
        });
    }

    /// <summary>GB 32100: 18 characters of digits and capitals without I, O, S, V, Z.</summary>
    [GeneratedRegex("^\\s*[0-9A-HJ-NPQRTUWXY]{18}\\s*$")]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})")]
    private static partial Regex TimelineTime();

    private static ILocator Track(IPage page, string label) => page.Locator($"[data-testid=tracks] tbody tr[data-track='{label}']");

    private static ILocator StateOf(ILocator track) => track.Locator("td[data-label='状态'] .badge");

    private static string ChineseDigits(int count)
    {
        const string digits = "〇一二三四五六七八九";
        return string.Concat(Enumerable.Range(0, count).Select(_ => digits[Random.Shared.Next(digits.Length)]));
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name), FullPage = true });

    /// <summary>Submission and 办结 as the timeline shows them (newest first), on the portal's clock.</summary>
    private async Task RecordElapsedAsync(ILocator timeline)
    {
        var steps = timeline.Locator(":scope > li");
        var finished = steps.First;
        var submitted = steps.Last;
        await Assertions.Expect(finished.Locator(".step-title")).ToContainTextAsync(new Regex("^\\s*办结"));
        await Assertions.Expect(submitted.Locator(".step-title")).ToContainTextAsync(new Regex("^\\s*待受理"));
        var from = await TimeOfAsync(submitted);
        var to = await TimeOfAsync(finished);
        Assert.True(to >= from, $"办结 ({to}) before the submission ({from})");
        output.WriteLine($"门户时钟：提交 {from:yyyy-MM-dd HH:mm} → 办结 {to:yyyy-MM-dd HH:mm}，经过 {(to - from).TotalMinutes:0} 分钟（时间轴精确到分钟）");
        foreach (var step in await steps.AllAsync())
        {
            var title = Regex.Replace((await step.Locator(".step-title").InnerTextAsync()).Trim(), "\\s+", " ");
            var meta = Regex.Replace(string.Join(" | ", await step.Locator(".step-meta").AllInnerTextsAsync()), "\\s+", " ");
            output.WriteLine($"  {title} — {meta}");
        }
    }

    private static async Task<DateTime> TimeOfAsync(ILocator step)
    {
        var meta = await step.Locator(".step-meta").First.InnerTextAsync();
        var m = TimelineTime().Match(meta);
        Assert.True(m.Success, $"no time in the timeline step “{meta}”");
        return new DateTime(
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture),
            0,
            DateTimeKind.Unspecified);
    }

    private async Task AsAsync(string userName, string step, Func<IPage, Task> body)
    {
        var page = await fixture.SignInAsync(userName);
        await RunAsync(page, step, body);
    }

    private async Task AnonymousAsync(string step, Func<IPage, Task> body)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Portal.Url,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        await RunAsync(await context.NewPageAsync(), step, body);
    }

    /// <summary>Runs one person's part in their own browser context; on failure keeps a picture of what they saw.</summary>
    private async Task RunAsync(IPage page, string step, Func<IPage, Task> body)
    {
        try
        {
            await body(page);
        }
        catch
        {
            try
            {
                await ShotAsync(page, $"establishment-failed-{step}");
                output.WriteLine($"失败于 {step}：{page.Url}（截图 establishment-failed-{step}.png）");
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
