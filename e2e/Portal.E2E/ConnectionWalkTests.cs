using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Portal.E2E;

/// <summary>
/// 水电气热信联合报装 from end to end, in the browser: 张明 applies for power and water on one form, each utility gets
/// its own child case classified with its rule and source, the window arranges one joint survey, the portal's test
/// clock moves past it, 供电 and 供水 each record the survey and sign the supply contract, the applicant confirms both
/// contracts, both utilities connect, and the parent case is 办结 by the system. The walk runs on its own portal (with
/// <c>Portal__TestClock=true</c>) so that moving the clock touches no other test.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed partial class ConnectionWalkTests(PortalFixture fixture, ITestOutputHelper output)
{
    private const string Applicant = "13800000001";

    private const string ApplicantName = "张明";

    private const string EnterpriseName = "枣庄青禾科技有限公司";

    private const string Address = "枣庄市峄城区坛山街道榴园路88号青禾科技园3号厂房";

    private const string Purpose = "生产、办公";

    private const string PowerLabel = "获得电力（用电报装）";

    private const string WaterLabel = "用水报装";

    private const string PowerClass = "“三零”服务低压接入（免审批）";

    private const string WaterClass = "150米以下：承诺备案、容缺受理";

    private const string PowerSurvey = "现场具备低压接入条件：接入点为榴园路10号箱变低压出线柜，外线工程电缆约150米，无道路挖掘和树木砍伐。";

    private const string WaterSurvey = "现场具备接水条件：自榴园路DN200市政给水管接出，DN50管线约80米，水表井设于厂区东门内侧。";


    [Fact]
    public async Task ConnectionWalk_joint_power_and_water_from_the_form_to_both_connections()
    {
        await using var portal = await PortalProcess.StartAsync(new Dictionary<string, string> { ["Portal__TestClock"] = "true" });
        var walk = new Walk(fixture, portal, output, "connection");
        var creditCode = CreditCode("91370404MA3QH8K2P");

        // 1. The applicant reads the promised times on the guide, fills one form for power and water, and submits.
        var number = "";
        var powerNumber = "";
        var waterNumber = "";
        await walk.AsAsync(Applicant, "01-apply", async page =>
        {
            await page.GotoAsync("/Connection");
            var guideDue = new Dictionary<string, string>
            {
                [PowerClass] = await DueIfNowAsync(page, PowerLabel, PowerClass),
                [WaterClass] = await DueIfNowAsync(page, WaterLabel, WaterClass),
            };
            await page.ClickAsync("a.btn:has-text('在线申请')");
            await page.WaitForURLAsync(new Regex("/Connection/Apply$"));

            var form = page.Locator("[data-testid=connection-form]");
            await form.Locator("input[name='Data.Customer'][value='Enterprise']").CheckAsync();
            await form.Locator("[name='Data.EnterpriseName']").FillAsync(EnterpriseName);
            await form.Locator("[name='Data.CreditCode']").FillAsync(creditCode);
            await form.Locator("[name='Data.Address']").FillAsync(Address);
            await form.Locator("[name='Data.Purpose']").FillAsync(Purpose);
            await form.Locator("input[name='Data.Utilities'][value='Power']").CheckAsync();
            await form.Locator("input[name='Data.Utilities'][value='Water']").CheckAsync();

            await form.Locator("[name='Data.Power.CapacityKw']").FillAsync("120");
            await form.Locator("select[name='Data.Power.Voltage']").SelectOptionAsync("Low");
            await form.Locator("input[name='Data.Power.ExternalWorks']").CheckAsync();
            await form.Locator("[name='Data.Power.LineLengthM']").FillAsync("150");
            await form.Locator("input[name='Data.Power.SanLing']").CheckAsync();
            await form.Locator("input[name='Data.Power.NoInterestedParty']").CheckAsync();

            await form.Locator("input[name='Data.Water.ExternalWorks']").CheckAsync();
            await form.Locator("[name='Data.Water.PipeLengthM']").FillAsync("80");
            await form.Locator("[name='Data.Water.DiameterMm']").FillAsync("50");
            await ShotAsync(page, "connection-01-form");

            await page.ClickAsync("button:has-text('提交报装申请')");
            await page.WaitForURLAsync(new Regex(@"/Cases/BZ[^/?#]+$"));
            number = (await page.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
            Assert.Equal($"/Cases/{number}", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync($"办件编号 {number}");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("各专营单位办理中");

            var panel = page.Locator("[data-testid=connection-panel]");
            await Assertions.Expect(panel).ToContainTextAsync(Address);
            await Assertions.Expect(panel).ToContainTextAsync($"企业（非居民）：{EnterpriseName}");
            await Assertions.Expect(panel).ToContainTextAsync(Purpose);
            await Assertions.Expect(page.Locator("[data-testid=survey-at]")).ToHaveTextAsync("待安排");
            // Only the window or one of the utilities arranges the survey.
            await Assertions.Expect(page.Locator("[data-testid=survey-form]")).ToHaveCountAsync(0);

            var tracks = page.Locator("[data-testid=utility-tracks] tbody tr");
            await Assertions.Expect(tracks).ToHaveCountAsync(2);
            var power = TrackRow(page, PowerLabel);
            var water = TrackRow(page, WaterLabel);
            await Assertions.Expect(power.Locator("td[data-label='报装项目']")).ToContainTextAsync(PowerClass);
            await Assertions.Expect(water.Locator("td[data-label='报装项目']")).ToContainTextAsync(WaterClass);
            await Assertions.Expect(water.Locator("td[data-label='报装项目']")).ToContainTextAsync("150米以下");
            powerNumber = (await power.Locator("td[data-label='办件'] a").InnerTextAsync()).Trim();
            waterNumber = (await water.Locator("td[data-label='办件'] a").InnerTextAsync()).Trim();
            Assert.StartsWith("GDBZ", powerNumber);
            Assert.StartsWith("GSBZ", waterNumber);
            await Assertions.Expect(power.Locator("td[data-label='办件'] a")).ToHaveAttributeAsync("href", $"/Cases/{powerNumber}");
            await Assertions.Expect(water.Locator("td[data-label='办件'] a")).ToHaveAttributeAsync("href", $"/Cases/{waterNumber}");
            await Assertions.Expect(power.Locator("td[data-label='当前环节'] .badge")).ToHaveTextAsync("现场踏勘");
            await Assertions.Expect(water.Locator("td[data-label='当前环节'] .badge")).ToHaveTextAsync("现场踏勘");
            await Assertions.Expect(power.Locator("td[data-label='办理方']")).ToHaveTextAsync("后台审批（供电）");
            await Assertions.Expect(water.Locator("td[data-label='办理方']")).ToHaveTextAsync("后台审批（供水）");

            // Each track's deadline is its class's promise, the same date the guide promised a moment ago.
            foreach (var (row, cls) in new[] { (power, PowerClass), (water, WaterClass) })
            {
                var deadline = (await row.Locator("td[data-label='时限']").InnerTextAsync()).Trim();
                output.WriteLine($"{cls}：时限 {deadline}（指南：{guideDue[cls]}）");
                Assert.Matches(DeadlineText(), deadline);
                Assert.StartsWith(guideDue[cls] + "前", deadline);
            }

            await ShotAsync(page, "connection-02-parent-tracks");
        });
        output.WriteLine($"总办件 {number}；供电 {powerNumber}；供水 {waterNumber}");

        // 2. The window arranges the one joint survey: not in the past, not out of office hours, on the next working day 10:00.
        var surveyAt = DateTime.MinValue;
        await walk.AsAsync("window01", "02-survey", async page =>
        {
            await OpenCaseAsync(page, number);
            var form = page.Locator("[data-testid=survey-form]");
            await Assertions.Expect(form.Locator("button")).ToHaveTextAsync("安排踏勘");
            var today = DateOnly.FromDateTime(BeijingNow());

            await ScheduleAsync(page, today.AddDays(-1), "10:00");
            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("踏勘时间应晚于现在");
            await Assertions.Expect(page.Locator("[data-testid=survey-at]")).ToHaveTextAsync("待安排");

            await ScheduleAsync(page, today.AddDays(1), "20:00");
            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("踏勘时间应在工作日的办公时间内");
            await Assertions.Expect(page.Locator("[data-testid=survey-at]")).ToHaveTextAsync("待安排");

            var refused = new List<string>();
            for (var day = today.AddDays(1); ; day = day.AddDays(1))
            {
                Assert.True(day <= today.AddDays(15), $"no working day accepted in two weeks (refused: {string.Join("、", refused)})");
                await ScheduleAsync(page, day, "10:00");
                var ok = page.Locator(".alert-ok");
                var error = page.Locator(".alert-error");
                await Assertions.Expect(ok.Or(error)).ToBeVisibleAsync();
                if (await ok.CountAsync() > 0)
                {
                    await Assertions.Expect(ok).ToContainTextAsync("已安排踏勘");
                    surveyAt = day.ToDateTime(new TimeOnly(10, 0));
                    break;
                }

                // A weekend or holiday is refused in Chinese, and only as a day off.
                await Assertions.Expect(error).ToContainTextAsync("踏勘时间应在工作日的办公时间内");
                refused.Add($"{day:M月d日}（{day.DayOfWeek}）");
            }

            if (refused.Count > 0)
            {
                output.WriteLine($"不是工作日、被拒绝：{string.Join("、", refused)}");
            }

            var expected = Chinese(surveyAt);
            await Assertions.Expect(page.Locator("[data-testid=survey-at]")).ToHaveTextAsync(expected);
            await Assertions.Expect(page.Locator("[data-testid=survey-form] button")).ToHaveTextAsync("调整踏勘时间");
            await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync($"安排联合踏勘：{expected}");
            await Assertions.Expect(page.Locator("[data-testid=connection-panel]")).ToContainTextAsync("联合踏勘");
            await ShotAsync(page, "connection-03-survey-arranged");
        });
        output.WriteLine($"联合踏勘：{Chinese(surveyAt)}");

        // 3. 供电 sees the joint survey time on its child case; before the survey there is no result to record yet.
        await walk.AsAsync("review-power", "03-too-early", async page =>
        {
            await OpenCaseAsync(page, powerNumber);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("现场踏勘");
            await Assertions.Expect(page.Locator("[data-testid=survey-at]")).ToHaveTextAsync(Chinese(surveyAt));
            await Assertions.Expect(page.Locator("[data-testid=classification]")).ToContainTextAsync("120千瓦");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "记录踏勘结果", Exact = true })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[name='Data.Reason']")).ToHaveCountAsync(0);
            // …and the page says why there is no button (issue 15).
            await Assertions.Expect(page.Locator("[data-testid=waiting-for]")).ToContainTextAsync($"踏勘时间为{Chinese(surveyAt)}，踏勘后才能记录结果");
        });

        // 4. The portal's clock moves past the survey.
        var hours = Math.Ceiling((surveyAt - BeijingNow()).TotalHours) + 1;
        var portalNow = await walk.AdvanceClockAsync(TimeSpan.FromHours(hours));
        Assert.True(portalNow > surveyAt, $"the portal's clock ({portalNow:yyyy-MM-dd HH:mm}) is not past the survey ({surveyAt:yyyy-MM-dd HH:mm})");

        // 5. 供电 records its survey and signs the supply contract.
        await walk.AsAsync("review-power", "05-power", async page =>
        {
            await page.GotoAsync("/Workbench");
            await Assertions.Expect(page.Locator("table[data-testid=workbench]")).ToContainTextAsync(powerNumber);
            await Assertions.Expect(page.Locator("table[data-testid=workbench]")).Not.ToContainTextAsync(waterNumber);
            await page.ClickAsync($"table[data-testid=workbench] a:has-text('{powerNumber}')");
            await page.WaitForURLAsync(new Regex($"/Cases/{powerNumber}$"));
            await ExpectCasePageAsync(page, powerNumber);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("现场踏勘");
            var classification = page.Locator("[data-testid=classification]");
            await Assertions.Expect(classification).ToContainTextAsync("“三零”服务企业用户电网侧办电时间不超过7个工作日");
            await Assertions.Expect(classification).ToContainTextAsync("依据 000:177；004:123");
            await Assertions.Expect(classification).ToContainTextAsync("120千瓦");
            await Assertions.Expect(classification).ToContainTextAsync("低压（0.4千伏）");
            await Assertions.Expect(classification).ToContainTextAsync("有，线路长度150米");
            await Assertions.Expect(classification).ToContainTextAsync("是，无利害关系人");
            await Assertions.Expect(classification).ToContainTextAsync("无需办理任何行政审批手续");
            await Assertions.Expect(page.Locator("h3", new() { HasText = PowerLabel })).ToContainTextAsync(PowerClass);

            await page.FillAsync("[name='Data.Reason']", PowerSurvey);
            await ActAsync(page, "记录踏勘结果");
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已记录踏勘结果");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("供用合同：专营单位签章");
            await Assertions.Expect(page.Locator("[data-testid=classification]")).ToContainTextAsync(PowerSurvey);
            await Assertions.Expect(page.Locator("[data-testid=contract]")).ToHaveCountAsync(0);

            await SignContractAsync(page, powerNumber);
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已签章供用合同");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("供用合同：待申请人确认");
            await Assertions.Expect(page.Locator("[data-testid=contract-capacity]")).ToHaveTextAsync("报装容量120千瓦，低压（0.4千伏）供电");
            var contract = page.Locator("[data-testid=contract]");
            await Assertions.Expect(contract).ToContainTextAsync($"HT-{powerNumber}");
            await Assertions.Expect(contract).ToContainTextAsync("供电单位");
            await Assertions.Expect(contract).ToContainTextAsync("待申请人确认");
            // The applicant holds the next step: the utility has nothing left to press.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "接通", Exact = true })).ToHaveCountAsync(0);
        });

        // 6. 供水 does the same on its own child case.
        await walk.AsAsync("review-water", "06-water", async page =>
        {
            await OpenCaseAsync(page, waterNumber);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("现场踏勘");
            var classification = page.Locator("[data-testid=classification]");
            await Assertions.Expect(classification).ToContainTextAsync("用水接通不超过6个工作日");
            await Assertions.Expect(classification).ToContainTextAsync("依据 002:19");
            await Assertions.Expect(classification).ToContainTextAsync("有，管线长度80米");
            await Assertions.Expect(classification).ToContainTextAsync("50毫米");
            await Assertions.Expect(classification).ToContainTextAsync("管线长度150米以下：实行承诺备案和容缺受理");
            await Assertions.Expect(page.Locator("h3", new() { HasText = WaterLabel })).ToContainTextAsync(WaterClass);

            await page.FillAsync("[name='Data.Reason']", WaterSurvey);
            await ActAsync(page, "记录踏勘结果");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("供用合同：专营单位签章");
            await Assertions.Expect(page.Locator("[data-testid=classification]")).ToContainTextAsync(WaterSurvey);

            await SignContractAsync(page, waterNumber);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("供用合同：待申请人确认");
            await Assertions.Expect(page.Locator("[data-testid=contract]")).ToContainTextAsync($"HT-{waterNumber}");
            await Assertions.Expect(page.Locator("[data-testid=contract]")).ToContainTextAsync("供水单位");
        });

        // 7. The applicant reads both contracts' terms on one page and confirms them together (each case records its own
        //    confirmation); the parent shows both tracks at 装表接通.
        await walk.AsAsync(Applicant, "07-confirm", async page =>
        {
            await OpenCaseAsync(page, number);
            await Assertions.Expect(page.Locator("[data-testid=contracts-to-confirm]")).ToContainTextAsync("2份供用合同待您确认");
            await page.ClickAsync("[data-testid=contracts-to-confirm] a");
            await page.WaitForURLAsync(new Regex($"/Connection/Contracts/{number}$"));
            await Assertions.Expect(page.Locator("[data-testid=contract]")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("[data-testid=contract][data-utility='获得电力（用电报装）'] [data-testid=capacity]")).ToHaveTextAsync("报装容量120千瓦，低压（0.4千伏）供电");
            await Assertions.Expect(page.Locator("[data-testid=contract][data-utility='用水报装'] [data-testid=capacity]")).ToContainTextAsync("接水管径50毫米");
            await Assertions.Expect(page.Locator("[data-testid=price]").First).Not.ToBeEmptyAsync();
            await page.ClickAsync("[data-testid=confirm-form] button[type=submit]");
            await page.WaitForURLAsync(new Regex($"/Cases/{number}$"));
            await Assertions.Expect(page.Locator(".alert-ok")).ToContainTextAsync("已确认2份供用合同");
            foreach (var child in new[] { powerNumber, waterNumber })
            {
                await OpenCaseAsync(page, child);
                await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("接通（装表接通、验收送电）");
                var contract = page.Locator("[data-testid=contract]");
                await Assertions.Expect(contract).ToContainTextAsync($"HT-{child}");
                await Assertions.Expect(contract).ToContainTextAsync($"申请人 {ApplicantName} 于 ");
                await Assertions.Expect(contract).Not.ToContainTextAsync("待申请人确认");
                await Assertions.Expect(page.Locator("[data-testid=rating-invitation]")).ToHaveCountAsync(0);
            }

            await OpenCaseAsync(page, number);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("各专营单位办理中");
            foreach (var label in new[] { PowerLabel, WaterLabel })
            {
                await Assertions.Expect(TrackRow(page, label).Locator("td[data-label='当前环节'] .badge")).ToHaveTextAsync("接通（装表接通、验收送电）");
            }
        });

        // 8. 供电 connects: the parent waits for 供水.
        await walk.AsAsync("review-power", "08-connect-power", async page =>
        {
            await OpenCaseAsync(page, powerNumber);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("接通（装表接通、验收送电）");
            await ActAsync(page, "接通");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await Assertions.Expect(page.Locator("[data-testid=classification]")).ToContainTextAsync("接通时间");
            await Assertions.Expect(page.Locator("[data-testid=rating-invitation]")).ToHaveCountAsync(0);
        });

        await walk.AsAsync(Applicant, "08-parent-waits", async page =>
        {
            await OpenCaseAsync(page, number);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("各专营单位办理中");
            await Assertions.Expect(TrackRow(page, PowerLabel).Locator("td[data-label='当前环节'] .badge")).ToHaveTextAsync("办结");
            await Assertions.Expect(TrackRow(page, WaterLabel).Locator("td[data-label='当前环节'] .badge")).ToHaveTextAsync("接通（装表接通、验收送电）");
        });

        // 9. 供水 connects: the last child done, the system closes the parent.
        await walk.AsAsync("review-water", "09-connect-water", async page =>
        {
            await OpenCaseAsync(page, waterNumber);
            await ActAsync(page, "接通");
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await Assertions.Expect(page.Locator("[data-testid=classification]")).ToContainTextAsync("接通时间");
        });

        // 10. The applicant sees the application 办结, both tracks 办结, and is invited to rate each connection.
        await walk.AsAsync(Applicant, "10-done", async page =>
        {
            await OpenCaseAsync(page, number);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("各专营单位均已办结");
            foreach (var label in new[] { PowerLabel, WaterLabel })
            {
                var row = TrackRow(page, label);
                await Assertions.Expect(row.Locator("td[data-label='当前环节'] .badge")).ToHaveTextAsync("办结");
                await Assertions.Expect(row.Locator("td[data-label='办理方']")).ToHaveTextAsync("—");
                await Assertions.Expect(row.Locator("td[data-label='用时']")).ToContainTextAsync("用时");
            }

            await Assertions.Expect(page.Locator("[data-testid=survey-form]")).ToHaveCountAsync(0);
            await ShotAsync(page, "connection-05-parent-done");

            foreach (var (child, utility) in new[] { (powerNumber, "获得电力（用电报装）"), (waterNumber, "用水报装") })
            {
                await OpenCaseAsync(page, child);
                await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
                await Assertions.Expect(page.Locator("[data-testid=rating-invitation]")).ToContainTextAsync($"欢迎对{utility}服务进行评价");
                await Assertions.Expect(page.Locator("[data-testid=contract]")).ToContainTextAsync($"申请人 {ApplicantName} 于 ");
                await Assertions.Expect(page.Locator("a.btn:has-text('报装申请（总办件）')")).ToHaveAttributeAsync("href", $"/Cases/{number}");
                if (child == powerNumber)
                {
                    await Assertions.Expect(page.Locator("[data-testid=classification]")).ToContainTextAsync("“三零”服务企业用户电网侧办电时间不超过7个工作日");
                    await ShotAsync(page, "connection-04-child-power");
                }
            }
        });
    }

    [Fact]
    public async Task A_negative_capacity_is_refused_in_chinese_and_the_form_keeps_what_was_typed()
    {
        const string typedAddress = "枣庄市峄城区榴园路99号";
        var page = await fixture.SignInAsync(Applicant);
        try
        {
            await page.GotoAsync("/Connection/Apply?utility=Power");
            var form = page.Locator("[data-testid=connection-form]");
            await Assertions.Expect(form.Locator("input[name='Data.Utilities'][value='Power']")).ToBeCheckedAsync();
            await form.Locator("[name='Data.EnterpriseName']").FillAsync(EnterpriseName);
            await form.Locator("[name='Data.Address']").FillAsync(typedAddress);
            await form.Locator("[name='Data.Purpose']").FillAsync("办公");
            await form.Locator("[name='Data.Power.CapacityKw']").FillAsync("-5");
            await page.ClickAsync("button:has-text('提交报装申请')");

            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("报装容量应大于0千瓦");
            await Assertions.Expect(page.Locator(".alert-error")).ToContainTextAsync("供电：");
            Assert.Equal("/Connection/Apply", new Uri(page.Url).AbsolutePath);
            form = page.Locator("[data-testid=connection-form]");
            await Assertions.Expect(form.Locator("[name='Data.Address']")).ToHaveValueAsync(typedAddress);
            await Assertions.Expect(form.Locator("[name='Data.EnterpriseName']")).ToHaveValueAsync(EnterpriseName);
            await Assertions.Expect(form.Locator("[name='Data.Power.CapacityKw']")).ToHaveValueAsync("-5");
            await Assertions.Expect(form.Locator("input[name='Data.Utilities'][value='Power']")).ToBeCheckedAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("connection-invalid-capacity"), FullPage = true });
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_connection_guides_list_the_classes_with_sources_and_draw_the_workflows()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();

            // The joint guide: every utility's classes, and the parent case's flow.
            await page.GotoAsync("/Connection");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("水电气热信联合报装 · 办事指南");
            var classes = page.Locator("[data-testid=connection-classes] tbody tr");
            Assert.True(await classes.CountAsync() >= 10, "the joint guide lists fewer than ten classes");
            var utilities = (await classes.Locator("td[data-label='报装项目']").AllInnerTextsAsync()).Select(s => s.Trim()).Distinct().ToList();
            Assert.Equal(["获得电力（用电报装）", "用水报装", "用气报装", "用热报装", "通信报装"], utilities);
            var sanLing = ClassRow(page, PowerClass);
            await Assertions.Expect(sanLing.Locator("td[data-label='规则']")).ToContainTextAsync("（000:177；004:123）");
            await Assertions.Expect(sanLing.Locator("td[data-label='承诺时限'] [data-testid=limit]")).ToHaveTextAsync("7个工作日");
            // 004:123 is 聊城市's document: the 枣庄市 profile says it borrows it (issue 15 part 3).
            await Assertions.Expect(sanLing.Locator("[data-testid=limit-source]")).ToContainTextAsync("借用聊城市文件（004:123），枣庄市文件未作规定");
            await Assertions.Expect(sanLing.Locator("[data-testid=due-now]")).ToHaveTextAsync(PortalTime());
            await Assertions.Expect(ClassRow(page, "10千伏单电源").Locator("td[data-label='承诺时限'] [data-testid=limit]")).ToHaveTextAsync("11个工作日");
            await Assertions.Expect(ClassRow(page, WaterClass).Locator("td[data-label='承诺时限'] [data-testid=limit]")).ToHaveTextAsync("6个工作日");
            await Assertions.Expect(ClassRow(page, WaterClass).Locator("td[data-label='规则']")).ToContainTextAsync("（002:19）");
            var diagrams = page.Locator("[data-testid=workflow-diagram]");
            await Assertions.Expect(diagrams).ToHaveCountAsync(1);
            await Assertions.Expect(diagrams.First).ToContainTextAsync("报装申请（总办件）");
            await Assertions.Expect(diagrams.First).ToContainTextAsync("各专营单位办理中");
            await Assertions.Expect(diagrams.First).ToContainTextAsync("各专营单位全部接通后由系统办结");
            await ShotAsync(page, "connection-guide-joint");

            // The power guide: only power classes, one drawn flow per path, the 三零 path with its survey and contract.
            await page.ClickAsync("p.actions a.btn:has-text('获得电力（用电报装）')");
            await page.WaitForURLAsync(new Regex("/Connection/Power$"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("获得电力（用电报装） · 办事指南");
            classes = page.Locator("[data-testid=connection-classes] tbody tr");
            Assert.Equal(8, await classes.CountAsync());
            Assert.All(await classes.Locator("td[data-label='报装项目']").AllInnerTextsAsync(), u => Assert.Equal(PowerLabel, u.Trim()));
            await Assertions.Expect(ClassRow(page, "居民用户").Locator("td[data-label='承诺时限'] [data-testid=limit]")).ToHaveTextAsync("3个工作日");
            await Assertions.Expect(ClassRow(page, "35千伏及以上双电源").Locator("td[data-label='承诺时限'] [data-testid=limit]")).ToHaveTextAsync("32个工作日");
            await Assertions.Expect(page.Locator("a.btn:has-text('在线申请')")).ToHaveAttributeAsync("href", "/Connection/Apply?utility=Power");
            diagrams = page.Locator("[data-testid=workflow-diagram]");
            Assert.True(await diagrams.CountAsync() >= 3, "the power guide draws fewer than three flows");
            var sanLingFlow = page.Locator("[data-testid=workflow-diagram]", new() { Has = page.Locator("figcaption", new() { HasText = PowerClass }) });
            await Assertions.Expect(sanLingFlow).ToHaveCountAsync(1);
            var drawn = (await sanLingFlow.Locator("ol.flow > li.flow-state > .flow-box > strong").AllInnerTextsAsync()).Select(s => s.Trim()).ToList();
            Assert.Contains("现场踏勘", drawn);
            Assert.Contains("供用合同：专营单位签章", drawn);
            Assert.Contains("供用合同：待申请人确认", drawn);
            Assert.Contains("办结", drawn);
            Assert.DoesNotContain("方案答复（外线工程审批）", drawn);
            await Assertions.Expect(sanLingFlow).ToContainTextAsync("申请人确认签订供用合同");
            var sanLingBoxes = (await sanLingFlow.Locator("[data-testid=workflow-svg] svg[role=img] g.wf-state text.wf-label").AllTextContentsAsync()).Select(s => s.Trim()).ToList();
            Assert.Equal(drawn.Order(), sanLingBoxes.Order());
            var highVoltage = page.Locator("[data-testid=workflow-diagram]", new() { Has = page.Locator("figcaption", new() { HasText = "10千伏单电源" }) });
            await Assertions.Expect(highVoltage).ToContainTextAsync("方案答复（外线工程审批）");
            await ShotAsync(page, "connection-guide-power");

            // The water guide.
            await page.GotoAsync("/Connection/Water");
            classes = page.Locator("[data-testid=connection-classes] tbody tr");
            Assert.Equal(3, await classes.CountAsync());
            await Assertions.Expect(ClassRow(page, "无外线工程").Locator("td[data-label='承诺时限'] [data-testid=limit]")).ToHaveTextAsync("1个工作日");
            // 002:19 says 立即 without a time: the 1个工作日 is the portal's own, and said so.
            await Assertions.Expect(ClassRow(page, "无外线工程").Locator("[data-testid=limit-source]")).ToContainTextAsync("门户默认值");
            await Assertions.Expect(page.Locator("[data-testid=workflow-diagram]", new() { Has = page.Locator("figcaption", new() { HasText = WaterClass }) }))
                .ToContainTextAsync("现场踏勘");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// A drawn step's conditions are read by the public: the survey guard is written for a case with a survey time
    /// and should not print “踏勘时间为，” with nothing in between when the guide draws it without one.
    /// </summary>
    [Theory]
    [InlineData("/Connection/Power")]
    [InlineData("/Connection/Water")]
    public async Task The_guide_diagrams_print_no_empty_survey_time(string guide)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Portal.Url, Locale = "zh-CN" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(guide);
            var survey = page.Locator("[data-testid=workflow-diagram] .flow-moves li", new() { HasText = "记录踏勘结果" });
            Assert.True(await survey.CountAsync() > 0, $"{guide}: no drawn 记录踏勘结果 move");
            var texts = await survey.AllInnerTextsAsync();
            var broken = texts.Where(t => t.Contains("踏勘时间为，", StringComparison.Ordinal)).ToList();
            Assert.True(broken.Count == 0, $"{guide}: {broken.Count} drawn moves print an empty survey time: “{broken.FirstOrDefault()?.Trim()}”");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>
    /// Each utility sees only its own child case, never the parent (by design): so the child page should not offer a
    /// utility's staff a “报装申请（总办件）” button that ends on “未找到该办件”. Read-only, on the shared portal's demo
    /// joint application.
    /// </summary>
    [Fact]
    public async Task A_utility_is_offered_no_link_to_the_parent_case_it_may_not_open()
    {
        var page = await fixture.SignInAsync("review-power");
        try
        {
            var child = page.Locator("table[data-testid=workbench] td.num a", new() { HasTextRegex = new Regex("^GDBZ-") }).First;
            var number = (await child.InnerTextAsync()).Trim();
            await child.ClickAsync();
            await page.WaitForURLAsync(new Regex($"/Cases/{number}$"));
            await ExpectCasePageAsync(page, number);
            await Assertions.Expect(page.Locator("[data-testid=case-number]")).ToHaveTextAsync(number);
            await Assertions.Expect(page.Locator("[data-testid=classification]")).ToBeVisibleAsync();

            var parentLink = page.Locator("a.btn:has-text('报装申请（总办件）')");
            if (await parentLink.CountAsync() == 0)
            {
                return;
            }

            var href = await parentLink.GetAttributeAsync("href");
            await parentLink.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            var refused = await page.Locator("[data-testid=case-number]").CountAsync() == 0;
            var shown = Regex.Replace(await page.Locator("main").InnerTextAsync(), "\\s+", " ").Trim();
            Assert.False(refused, $"供电审批员 on {number} is offered “报装申请（总办件）” ({href}), which shows: {shown[..Math.Min(shown.Length, 80)]}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The parent case is held by nobody while the utilities work: its page should say so rather than print an empty
    /// “当前办理方” and a timeline step “办理方： ·”. Read-only, on the shared portal's demo joint application.
    /// </summary>
    [Fact]
    public async Task The_running_parent_case_prints_no_empty_holder()
    {
        var page = await fixture.SignInAsync(Applicant);
        try
        {
            var parent = page.Locator("a", new() { HasTextRegex = new Regex(@"^\s*BZ-\d{8}-\d+\s*$") }).First;
            var number = (await parent.InnerTextAsync()).Trim();
            await OpenCaseAsync(page, number);
            await Assertions.Expect(page.Locator("[data-testid=case-state]")).ToHaveTextAsync("各专营单位办理中");
            await Assertions.Expect(page.Locator("[data-testid=utility-tracks] tbody tr")).ToHaveCountAsync(2);

            var problems = new List<string>();
            var holder = (await page.Locator("dl.facts dt:text-is('当前办理方') + dd").First.InnerTextAsync()).Trim();
            if (holder.Length == 0)
            {
                problems.Add("“当前办理方” is empty");
            }

            foreach (var step in await page.Locator("[data-testid=timeline] > li").AllAsync())
            {
                foreach (var meta in await step.Locator(".step-meta").AllInnerTextsAsync())
                {
                    if (EmptyHolder().IsMatch(meta))
                    {
                        var title = Regex.Replace(await step.Locator(".step-title").InnerTextAsync(), "\\s+", " ").Trim();
                        problems.Add($"timeline step “{title}” prints “{Regex.Replace(meta, "\\s+", " ").Trim()}”");
                    }
                }
            }

            Assert.True(problems.Count == 0, $"{number}: {string.Join("; ", problems)}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static ILocator TrackRow(IPage page, string utility) =>
        page.Locator($"[data-testid=utility-tracks] tbody tr[data-utility='{utility}']");

    private static ILocator ClassRow(IPage page, string cls) =>
        page.Locator("[data-testid=connection-classes] tbody tr", new() { Has = page.Locator("td[data-label='类别']", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(cls)}\\s*$") }) });

    /// <summary>The utility opens its signing form from the case page, keeps the suggested terms and signs.</summary>
    private static async Task SignContractAsync(IPage page, string child)
    {
        await page.ClickAsync("[data-testid=sign-link]");
        await page.WaitForURLAsync(new Regex($"/Connection/Contract/{child}$"));
        await Assertions.Expect(page.Locator("[name='Data.Capacity']")).Not.ToHaveValueAsync("");
        await page.ClickAsync("[data-testid=sign-form] button[type=submit]");
        await page.WaitForURLAsync(new Regex($"/Cases/{child}$"));
    }

    private static async Task<string> DueIfNowAsync(IPage page, string utility, string cls)
    {
        var row = ClassRow(page, cls).Filter(new() { Has = page.Locator("td[data-label='报装项目']", new() { HasText = utility }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        return (await row.Locator("[data-testid=due-now]").InnerTextAsync()).Trim();
    }

    private static async Task ScheduleAsync(IPage page, DateOnly date, string time)
    {
        var form = page.Locator("[data-testid=survey-form]");
        await form.Locator("input[name='Survey.Date']").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.Locator("input[name='Survey.Time']").FillAsync(time);
        await form.Locator("button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Opens a case page and fails with what the portal showed instead when it is not the case.</summary>
    private static async Task OpenCaseAsync(IPage page, string number)
    {
        var response = await page.GotoAsync($"/Cases/{number}");
        Assert.NotNull(response);
        if (!response.Ok)
        {
            var shown = Regex.Replace(await page.Locator("main").InnerTextAsync(), "\\s+", " ").Trim();
            Assert.Fail($"/Cases/{number} answered {response.Status}: {shown[..Math.Min(shown.Length, 120)]}");
        }

        await ExpectCasePageAsync(page, number);
    }

    private static async Task ExpectCasePageAsync(IPage page, string number)
    {
        if (await page.Locator("[data-testid=case-number]").CountAsync() == 0)
        {
            var shown = Regex.Replace(await page.Locator("main").InnerTextAsync(), "\\s+", " ").Trim();
            Assert.Fail($"/Cases/{number} does not show the case: {shown[..Math.Min(shown.Length, 120)]}");
        }

        await Assertions.Expect(page.Locator("[data-testid=case-number]")).ToHaveTextAsync(number);
    }

    private static Task ActAsync(IPage page, string action) =>
        page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();

    private static DateTime BeijingNow() => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Walk.PortalZone);

    private static string Chinese(DateTime local) => local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A GB 32100 code: <paramref name="first17"/> and its check character.</summary>
    private static string CreditCode(string first17)
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => alphabet.IndexOf(c) * weights[i]).Sum();
        var check = 31 - sum % 31;
        return first17 + alphabet[check == 31 ? 0 : check];
    }

    [GeneratedRegex(@"办理方：\s*(·|$)")]
    private static partial Regex EmptyHolder();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$")]
    private static partial Regex PortalTime();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}前（剩余[^（）]+）(（按法定节假日暂算，以国务院节假日安排为准）)?$")]
    private static partial Regex DeadlineText();

    private static Task ShotAsync(IPage page, string name) => Walk.ShotAsync(page, name);
}
