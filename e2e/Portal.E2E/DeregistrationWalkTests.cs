using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// 简易注销 from end to end, in the browser: the legal representative's self-check and commitment, the window's 受理,
/// an anonymous objection on the public notice board that 市场监管 dismisses, the 20-working-day notice ended by the
/// portal's test clock, 核准注销登记, the shared result confirmed by 税务, and the public check of the credit code.
/// The walk runs on its own portal (with <c>Portal__TestClock=true</c>) so that moving the clock touches no other test.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class DeregistrationWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Applicant = "13800000001";

    private const string LegalRepresentative = "张明";

    private const string EnterpriseName = "枣庄青禾科技有限公司";

    private const string PermitName = "增值电信业务经营许可证";

    private const string ObjectorName = "枣庄市恒信建材有限公司";

    private const string ObjectorContact = "0632-3312345";

    private const string ObjectionText = "该企业尚欠我公司货款12万元未结清，不符合简易注销条件。";

    private const string DismissalReason = "经核实，该笔货款已于本月结清，异议人已出具收款确认书。";

    /// <summary>The departments the result of a 注销 is shared with (000:93-97), as the case page labels them.</summary>
    private static readonly string[] SharedDepartments = ["人社", "医保", "税务", "公积金", "海关", "人民银行"];


    [Fact]
    public async Task DeregistrationWalk_simple_route_with_a_dismissed_objection_to_the_cancelled_licence()
    {
        // The shared portal runs without the test clock: nobody can move its time.
        using (var http = new HttpClient())
        {
            var refused = await http.PostAsync($"{fixture.Portal.Url}/__test/clock/advance?hours=1", null);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Portal__TestClock"] = "true" });
        var walk = new Walk(fixture, portal, output, "deregistration");

        // 1. The legal representative finds the enterprise under 我的企业 and applies for 简易注销.
        var code = "";
        var number = "";
        await walk.AsAsync(Applicant, "01-apply", async page =>
        {
            await page.GotoAsync("/Enterprises");
            await page.ClickAsync($"a:has-text('{EnterpriseName}')");
            await page.WaitForURLAsync(new Regex(@"/Enterprises/[^/?#]+$"));
            code = (await page.Locator("[data-testid=credit-code]").InnerTextAsync()).Trim();
            Assert.Equal($"/Enterprises/{code}", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(PermitRow(page)).ToContainTextAsync("有效");

            var section = page.Locator("[data-testid=deregistration-section]");
            await section.Locator("a:has-text('申请简易注销')").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/Deregistration/Start/[^/?#]+\?route=Simple$"));
            Assert.Equal($"/Deregistration/Start/{code}", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"简易注销：{EnterpriseName}");

            var form = page.Locator("[data-testid=deregistration-form]");
            var conditions = form.Locator("input[name='Data.Conditions']");
            Assert.True(await conditions.CountAsync() >= 5, "the self-check lists fewer than five conditions");
            foreach (var condition in await conditions.AllAsync())
            {
                await condition.CheckAsync();
            }

            await form.Locator("input[name='Data.CommitmentAccepted']").CheckAsync();
            await form.Locator("[name='Data.SignedName']").FillAsync(LegalRepresentative);
            await page.ClickAsync("button:has-text('提交简易注销申请')");

            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            number = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
            Assert.Equal($"/Cases/{number}", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"办件编号 {number}");
            await Assertions.Expect(page.Locator("[data-testid=deregistration-panel]")).ToContainTextAsync($"{LegalRepresentative}（");
        });
        output.WriteLine($"统一社会信用代码：{code}，办件编号：{number}");

        // 2. The window accepts it: the 20-working-day notice begins.
        var noticeEnds = DateTime.MinValue;
        await walk.AsAsync("window01", "02-accept", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("公示期（可提出异议）");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已受理");
            var window = page.Locator("[data-testid=notice-window]");
            await Assertions.Expect(window).ToContainTextAsync(" 至 ");
            var times = PortalTime().Matches(await window.InnerTextAsync());
            Assert.Equal(2, times.Count);
            var (starts, ends) = (ParsePortalTime(times[0]), ParsePortalTime(times[1]));
            // 20 working days are at least 26 calendar days (four weekends) and, even over a long holiday, well under 40.
            Assert.InRange((ends - starts).TotalDays, 25, 40);
            noticeEnds = ends;
            await Assertions.Expect(page.Locator("a:has-text('查看公示公告')")).ToHaveAttributeAsync("href", $"/Notices/{number}");
            await ShotAsync(page, "deregistration-01-notice-period");
        });
        output.WriteLine($"公示期届满：{noticeEnds:yyyy-MM-dd HH:mm}");

        // 3. Anyone, without an account, finds the notice on the board and objects.
        var receipt = "";
        await walk.AnonymousAsync("03-objection", async page =>
        {
            await page.GotoAsync("/Notices");
            var row = page.Locator($"[data-testid=notices] tr[data-notice='{number}']");
            await Assertions.Expect(row).ToContainTextAsync(EnterpriseName);
            await Assertions.Expect(row).ToContainTextAsync(code);
            await row.Locator("a:has-text('查看并提出异议')").ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/Notices/[^/?#]+$"));
            Assert.Equal($"/Notices/{number}", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator("[data-testid=notice-enterprise]")).ToHaveTextAsync(EnterpriseName);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("全体投资人承诺书");

            var form = page.Locator("[data-testid=objection-form]");
            await form.Locator("[name='Data.Name']").FillAsync(ObjectorName);
            await form.Locator("[name='Data.Contact']").FillAsync(ObjectorContact);
            await form.Locator("[name='Data.Content']").FillAsync(ObjectionText);
            await form.Locator("button:has-text('提交异议')").ClickAsync();

            var ok = page.Locator(".alert-ok");
            await Assertions.Expect(ok).ToContainTextAsync("异议已提交");
            var m = Receipt().Match(await ok.InnerTextAsync());
            Assert.True(m.Success, "no 受理编号 in the receipt");
            receipt = m.Groups[1].Value;
            // The objector's name and contact are only for the registration staff.
            await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(ObjectorContact);
            await ShotAsync(page, "deregistration-02-notice");
        });
        output.WriteLine($"异议受理编号：{receipt}");

        // 4. 市场监管 sees who objected and dismisses the objection with its reasons; the notice runs on.
        await walk.AsAsync("review-market", "04-dismiss", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("公示期（可提出异议）");
            var responses = page.Locator("[data-testid=responses] tbody tr");
            await Assertions.Expect(responses).ToHaveCountAsync(1);
            var objection = responses.First;
            await Assertions.Expect(objection.Locator("td[data-label='类型']")).ToHaveTextAsync("异议");
            await Assertions.Expect(objection.Locator("td[data-label='提出人']")).ToHaveTextAsync($"{ObjectorName}（{ObjectorContact}）");
            await Assertions.Expect(objection.Locator("td[data-label='内容']")).ToContainTextAsync(ObjectionText);
            await Assertions.Expect(objection.Locator("td[data-label='处理'] .badge")).ToHaveTextAsync("待处理");
            await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("收到公示异议");
            await ShotAsync(page, "deregistration-03-objection");

            await objection.GetByPlaceholder("处理意见").FillAsync(DismissalReason);
            await objection.Locator("button:has-text('异议不成立')").ClickAsync();
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已认定异议不成立");
            objection = page.Locator("[data-testid=responses] tbody tr").First;
            await Assertions.Expect(objection.Locator("td[data-label='处理'] .badge")).ToHaveTextAsync("异议不成立");
            await Assertions.Expect(objection.Locator("td[data-label='处理']")).ToContainTextAsync(DismissalReason);
            await Assertions.Expect(objection.Locator("textarea")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("公示期（可提出异议）");
            // Before the notice ends nobody may cancel: no 核准注销登记 yet.
            await Assertions.Expect(page.Locator("button:has-text('核准注销登记')")).ToHaveCountAsync(0);
        });

        // 5. The portal's clock moves past the end of the notice; the sweep ends it.
        var portalNow = await walk.AdvanceClockAsync(TimeSpan.FromDays(40));
        output.WriteLine($"门户时钟拨至：{portalNow:yyyy-MM-dd HH:mm}（北京时间）");
        Assert.True(portalNow > noticeEnds, $"the clock ({portalNow}) is not past the notice end ({noticeEnds})");

        await walk.AnonymousAsync("05-notice-closed", async page =>
        {
            await page.GotoAsync("/Notices");
            await Assertions.Expect(page.Locator($"tr[data-notice='{number}']")).ToHaveCountAsync(0);
            await page.GotoAsync($"/Notices/{number}");
            await Assertions.Expect(page.Locator("[data-testid=notice-closed]")).ToContainTextAsync("公示期已届满");
            await Assertions.Expect(page.Locator("[data-testid=objection-form]")).ToHaveCountAsync(0);
        });

        // 6. 市场监管 approves the cancellation: the case is 办结, the permit cancelled with it, the result shared.
        await walk.AsAsync("review-market", "06-approve", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("注销登记审核");
            await page.ClickAsync("button:has-text('核准注销登记')");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已办结");

            var panel = page.Locator("[data-testid=deregistration-panel]");
            await Assertions.Expect(panel).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=permits]")).ToContainTextAsync($"{PermitName}（鲁B2-20260118）：已注销");

            var shares = page.Locator("[data-testid=shares] tbody tr");
            await Assertions.Expect(shares).ToHaveCountAsync(SharedDepartments.Length);
            var departments = new List<string>();
            foreach (var row in await shares.AllAsync())
            {
                departments.Add((await row.GetAttributeAsync("data-share"))!);
                await Assertions.Expect(row.Locator("td[data-label='状态'] .badge")).ToHaveTextAsync("待确认");
                await Assertions.Expect(row.Locator("td[data-label='确认人']")).ToHaveTextAsync("—");
            }

            Assert.Equal(SharedDepartments.Order(), departments.Order());
            // 市场监管 is not one of the receiving departments: it confirms nothing.
            await Assertions.Expect(page.Locator("[data-testid=shares] button")).ToHaveCountAsync(0);
        });

        // 7. 税务 confirms it received the cancellation; only its own row has a button.
        await walk.AsAsync("review-tax", "07-confirm", async page =>
        {
            await page.GotoAsync($"/Cases/{number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            var tax = page.Locator("[data-testid=shares] tr[data-share='税务']");
            await Assertions.Expect(page.Locator("[data-testid=shares] button")).ToHaveCountAsync(1);
            await tax.Locator("button:has-text('确认收到')").ClickAsync();
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已确认收到注销信息");
            tax = page.Locator("[data-testid=shares] tr[data-share='税务']");
            await Assertions.Expect(tax.Locator("td[data-label='状态'] .badge")).ToHaveTextAsync("已确认");
            await Assertions.Expect(tax.Locator("td[data-label='确认人']")).Not.ToHaveTextAsync("—");
            await Assertions.Expect(page.Locator("[data-testid=shares] button")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=shares] .badge", new() { HasText = "待确认" })).ToHaveCountAsync(SharedDepartments.Length - 1);
            await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("税务确认收到注销信息");
            await ShotAsync(page, "deregistration-04-cancelled-shares");
        });

        // 8. Anyone checking the code sees it cancelled, on the date of the 核准 by the portal's clock.
        var cancelledOn = "";
        await walk.AnonymousAsync("08-verify", async page =>
        {
            await page.GotoAsync($"/verify/{code}");
            var result = page.Locator("[data-testid=verify-result]");
            await Assertions.Expect(result).ToContainTextAsync("已注销");
            var m = CancelledOn().Match(await result.InnerTextAsync());
            Assert.True(m.Success, $"no cancellation date in “{await result.InnerTextAsync()}”");
            cancelledOn = m.Groups[1].Value;
            var expected = new[] { portalNow, portalNow.AddMinutes(10) }.Select(Chinese).ToList();
            Assert.Contains(cancelledOn, expected);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync(EnterpriseName);
            await ShotAsync(page, "deregistration-05-verify");
        });
        output.WriteLine($"注销日期：{cancelledOn}");

        // 9. The legal representative sees the enterprise cancelled and its permit cancelled with it.
        await walk.AsAsync(Applicant, "09-enterprise", async page =>
        {
            await page.GotoAsync($"/Enterprises/{code}");
            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync($"该企业已于{cancelledOn}注销");
            await Assertions.Expect(PermitRow(page).Locator("td[data-label='状态']")).ToHaveTextAsync($"已注销（{cancelledOn}同步注销）");
            var section = page.Locator("[data-testid=deregistration-section]");
            await Assertions.Expect(section).ToContainTextAsync(number);
            await Assertions.Expect(section.Locator(".badge")).ToHaveTextAsync("办结");
            await Assertions.Expect(section.Locator("a:has-text('申请简易注销')")).ToHaveCountAsync(0);
            await ShotAsync(page, "deregistration-06-enterprise");
        });
    }

    [Fact]
    public async Task The_deregistration_guides_draw_the_workflow_and_state_the_promised_times()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Deregistration/Simple");
            var promises = page.Locator("[data-testid=guide-promises]");
            await Assertions.Expect(promises).ToContainTextAsync("20个工作日");
            await Assertions.Expect(promises).ToContainTextAsync("1个工作日");
            await Assertions.Expect(promises).ToContainTextAsync("000:93");
            await Assertions.Expect(page.Locator("[data-testid=guide-due]").First).ToContainTextAsync(PortalTime());
            // The route's own drawing (the guide also draws 依职权注销's under it).
            var diagram = RouteDiagram(page, "简易注销流程");
            await Assertions.Expect(diagram).ToBeVisibleAsync();
            await Assertions.Expect(RouteDiagram(page, "依职权注销")).ToBeVisibleAsync();
            await Assertions.Expect(diagram).ToContainTextAsync("公示期（可提出异议）");
            await Assertions.Expect(diagram).ToContainTextAsync("注销登记审核");
            await Assertions.Expect(diagram).ToContainTextAsync("时限：20个工作日");
            await ShotAsync(page, "deregistration-guide-simple");

            await page.ClickAsync("a.btn:has-text('普通注销')");
            await page.WaitForURLAsync(new Regex("/Deregistration/Ordinary$"));
            promises = page.Locator("[data-testid=guide-promises]");
            await Assertions.Expect(promises).ToContainTextAsync("45日");
            await Assertions.Expect(promises).ToContainTextAsync("《公司法》第二百三十五条");
            await Assertions.Expect(promises).Not.ToContainTextAsync("20个工作日");
            diagram = RouteDiagram(page, "普通注销流程");
            await Assertions.Expect(diagram).ToBeVisibleAsync();
            var drawn = await DrawnStates(diagram).AllInnerTextsAsync();
            Assert.Contains("债权申报期", drawn);
            Assert.Contains("待提交清算报告", drawn);
            Assert.Contains("注销登记审核", drawn);
            Assert.DoesNotContain("公示期（可提出异议）", drawn);
            await Assertions.Expect(diagram).ToContainTextAsync("时限：公告之日起45日");
            await ShotAsync(page, "deregistration-guide-ordinary");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// The state diagram drawn on each guide (inline SVG) should show the same flow as the text list under it: a box for
    /// every listed state and none of the other route's, each with its label.
    /// </summary>
    [Theory]
    [InlineData("/Deregistration/Simple", "简易注销流程")]
    [InlineData("/Deregistration/Ordinary", "普通注销流程")]
    public async Task The_guide_diagram_draws_exactly_the_listed_states(string guide, string title)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(guide);
            var diagram = RouteDiagram(page, title);
            var listed = (await DrawnStates(diagram).AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
            Assert.NotEmpty(listed);
            var svg = diagram.Locator("[data-testid=workflow-svg] svg[role=img]");
            await Assertions.Expect(svg).ToBeVisibleAsync();
            var boxes = await svg.Locator("g.wf-state text.wf-label").AllTextContentsAsync();
            Assert.Equal(listed.Order(), boxes.Select(b => b.Trim()).Order());
            var extra = boxes.Except(listed).ToList();
            Assert.True(extra.Count == 0, $"{guide}: the drawing has states the list does not: {string.Join("、", extra)}");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// Timeline notes (收到公示异议, 异议不成立, 税务确认收到注销信息, a track's move) have no holder of their own, so
    /// they should not print an empty “办理方：”. Read-only, on the shared portal: the demo enterprise's 开办 case has
    /// such notes from its departments' tracks.
    /// </summary>
    [Fact]
    public async Task Timeline_notes_print_no_empty_holder()
    {
        var page = await fixture.SignInAsync(Applicant);
        try
        {
            await page.GotoAsync("/Enterprises");
            await page.ClickAsync($"a:has-text('{EnterpriseName}')");
            await page.WaitForURLAsync(new Regex(@"/Enterprises/[^/?#]+$"));
            await page.ClickAsync("p:has-text('开办办件') a");
            await page.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            var notes = page.Locator("[data-testid=timeline] > li.note");
            Assert.True(await notes.CountAsync() > 0, "the case has no timeline notes to check");
            var empty = new List<string>();
            foreach (var note in await notes.AllAsync())
            {
                var metas = await note.Locator(".step-meta").AllInnerTextsAsync();
                if (metas.Any(m => EmptyHolder().IsMatch(m)))
                {
                    empty.Add(Regex.Replace(await note.Locator(".step-title").InnerTextAsync(), "\\s+", " ").Trim());
                }
            }

            Assert.True(empty.Count == 0, $"{empty.Count} timeline notes print an empty “办理方：”: {string.Join("、", empty.Distinct())}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex(@"^\s*办理方：\s*$")]
    private static partial Regex EmptyHolder();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})")]
    private static partial Regex PortalTime();

    [GeneratedRegex(@"受理编号\s*(YY\d+)")]
    private static partial Regex Receipt();

    [GeneratedRegex(@"已于\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*注销")]
    private static partial Regex CancelledOn();

    /// <summary>The guide's drawing whose caption names <paramref name="title"/> (a 注销 guide draws its route and 依职权注销).</summary>
    private static ILocator RouteDiagram(IPage page, string title) =>
        page.Locator("[data-testid=workflow-diagram]", new() { Has = page.Locator("figcaption", new() { HasText = title }) });

    private static ILocator DrawnStates(ILocator diagram) =>
        diagram.Locator("ol.flow > li.flow-state > .flow-box > strong");

    private static ILocator PermitRow(IPage page) =>
        page.Locator("[data-testid=enterprise-permits] tbody tr", new() { HasText = PermitName });

    private static string Chinese(DateTime local) => $"{local.Year}年{local.Month}月{local.Day}日";

    private static DateTime ParsePortalTime(Match m) => new(
        int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
        int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture),
        0,
        DateTimeKind.Unspecified);

    private static Task ShotAsync(IPage page, string name) => Walk.ShotAsync(page, name);
}
