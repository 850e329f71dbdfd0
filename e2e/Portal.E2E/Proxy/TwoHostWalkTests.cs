using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Testing;
using Xunit.Abstractions;

namespace Portal.E2E.Proxy;

/// <summary>
/// The portal as a city runs it (issue 18 part 3): nginx with TLS in front of two portal hosts on one PostgreSQL
/// database, each host with its own home folder (nothing shared on disk: the data-protection keys and the sessions are
/// in the database). In Chromium, through the proxy only: the hall's call board, a kiosk ticket, an applicant's
/// 企业开办 application and the window calling the ticket — with requests answered by both hosts — then one host is
/// killed (SIGKILL) and the same people carry on with the sessions they have: the window serves the ticket, accepts the
/// case, every department finishes its track, the applicant gets the licence, the board keeps updating. Nothing made
/// before the kill is lost, no answer is a server error, and the portal saw https and the client's address.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TwoHostWalkTests(ITestOutputHelper output)
{
    private const string Applicant = "13800000002";

    private const string ValidId = "11010519491231002X";

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

    private readonly List<string> serverErrors = [];

    private IBrowser browser = null!;

    private bool hostBKilled;

    private NginxProxy proxy = null!;

    [Fact]
    public async Task TwoHostWalk_through_nginx_with_TLS_survives_a_killed_host_with_nothing_lost()
    {
        await using var database = await ProxyDatabase.CreateAsync();
        var homes = new List<string>();
        Dictionary<string, string> HostEnvironment(string name)
        {
            var home = Path.Combine(Path.GetTempPath(), $"portal-host-{name}-{Guid.NewGuid():N}"[..32]);
            Directory.CreateDirectory(home);
            homes.Add(home);
            return new Dictionary<string, string>
            {
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__Portal"] = database.ConnectionString,
                ["AllowedHosts"] = $"{NginxProxy.ServerName};127.0.0.1",
                ["Portal__TestClock"] = "true",
                ["HOME"] = home,
            };
        }

        // Host A migrates the new database and writes the demo data; host B then starts on the same database.
        var hostA = await PortalProcess.StartAsync(HostEnvironment("a"));
        var hostB = await PortalProcess.StartAsync(HostEnvironment("b"));
        var addressA = new Uri(hostA.Url).Authority;
        var addressB = new Uri(hostB.Url).Authority;
        await using var proxyLifetime = proxy = await NginxProxy.StartAsync(addressA, addressB);
        (var playwright, var chromium) = await Browser.LaunchAsync(NginxProxy.HostResolverRule);
        browser = CspGuard.Watch(chromium);
        try
        {
            output.WriteLine($"代理 {proxy.Url} → 主机A {addressA}，主机B {addressB}");
            await MoveToWorkingDayAsync(hostA, hostB);
            await WalkAsync(hostB, database, addressA, addressB);
        }
        catch
        {
            output.WriteLine("nginx 访问日志（末尾）：\n" + string.Join('\n', proxy.AccessLog().TakeLast(40).Select(l => l.Text)));
            output.WriteLine("nginx 错误日志：\n" + proxy.ErrorLog());
            output.WriteLine("主机A 输出（末尾）：\n" + Tail(hostA.Output));
            throw;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            await hostA.DisposeAsync();
            if (!hostBKilled)
            {
                await hostB.DisposeAsync();
            }

            foreach (var home in homes)
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }

    private async Task WalkAsync(PortalProcess hostB, ProxyDatabase database, string addressA, string addressB)
    {
        // The hall's screen, open for the whole walk: it asks the portal every second, through the proxy.
        var boardContext = await NewContextAsync(new ViewportSize { Width = 1920, Height = 1080 });
        var board = await boardContext.NewPageAsync();
        await board.GotoAsync("/Hall/Board");
        var boardLoads = 0;
        board.Load += (_, _) => boardLoads++;

        // The applicant and the window clerk sign in before the kill and keep their sessions to the end.
        var applicant = await SignInAsync(Applicant);
        var window = await SignInAsync("window01");

        // 1. A visitor takes a number at the kiosk.
        var kiosk = await (await NewContextAsync()).NewPageAsync();
        await kiosk.GotoAsync("/Hall");
        await kiosk.ClickAsync("[data-category=establishment]");
        await kiosk.WaitForURLAsync(new Regex(@"/Hall/Ticket/[0-9a-f]+$"));
        var ticketCode = new Uri(kiosk.Url).AbsolutePath.Split('/')[^1];
        var ticket = (await kiosk.Locator("[data-testid=ticket-number]").InnerTextAsync()).Trim();
        output.WriteLine($"排队号：{ticket}");

        // 2. The applicant submits 企业开办 (catering needs a permit: it waits for the window).
        var company = $"枣庄双机代理{DateTime.UtcNow:HHmmss}科技有限公司";
        await StepAsync(applicant, "02-apply", async () =>
        {
            await applicant.GotoAsync("/Establishment/Apply");
            var form = applicant.Locator("[data-testid=establishment-form]");
            await form.Locator("[name='Data.ProposedName']").FillAsync(company);
            await form.Locator("[name='Data.Type']").SelectOptionAsync("LimitedLiability");
            await form.Locator("[name='Data.RegisteredCapital']").FillAsync("100");
            await form.Locator("[name='Data.Address']").FillAsync("山东省枣庄市市中区光明路18号");
            await form.Locator("input[name='Data.ScopeCodes'][value=catering]").CheckAsync();
            await form.Locator("[name='Data.LegalRepresentative']").FillAsync("李华");
            await form.Locator("[name='Data.LegalRepresentativeIdNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].Name']").FillAsync("李华");
            await form.Locator("[name='Data.Investors[0].IdentityNumber']").FillAsync(ValidId);
            await form.Locator("[name='Data.Investors[0].SharePercent']").FillAsync("100");
            await form.Locator("[name='Data.ContactName']").FillAsync("李华");
            await form.Locator("[name='Data.ContactPhone']").FillAsync(Applicant);
            // The files 受理 asks for go with the form (stored in the shared database, whichever host answers).
            await FormFiles.ChoosePremisesAsync(form);
            await FormFiles.ChooseCateringAsync(form);
            await applicant.ClickAsync("button:has-text('提交申请')");
            await applicant.WaitForURLAsync(new Regex(@"/Cases/[^/?#]+$"));
            await Assertions.Expect(applicant.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
        });
        var caseNumber = (await applicant.Locator("[data-testid=case-number]").InnerTextAsync()).Trim();
        output.WriteLine($"办件编号：{caseNumber}");

        // 3. Window A01 calls until the visitor's number (those ahead, not in the hall, become 过号); the board shows it.
        await StepAsync(window, "03-call", async () =>
        {
            await window.GotoAsync("/Hall/Window");
            for (var called = 0; ; called++)
            {
                Assert.True(called < 50, "the visitor's number was never called");
                await window.ClickAsync("[data-testid=call-next]");
                var current = window.Locator("[data-testid=window-current]");
                await Assertions.Expect(current).ToContainTextAsync("已叫号");
                if ((await current.InnerTextAsync()).Contains(ticket, StringComparison.Ordinal))
                {
                    break;
                }

                await window.ClickAsync("button[name='Data.Do'][value=NoShow]");
                await Assertions.Expect(window.Locator("[data-testid=call-next]")).ToBeVisibleAsync();
            }
        });
        await Assertions.Expect(board.Locator("body")).ToContainTextAsync(ticket, new() { Timeout = 5000 });

        // Both hosts have answered by now (round robin), and what exists before the kill is written down.
        var before = proxy.AccessLog();
        var answeredByA = before.Count(l => l.AnsweredBy == addressA);
        var answeredByB = before.Count(l => l.AnsweredBy == addressB);
        output.WriteLine($"停机前：{before.Count} 个请求，主机A 应答 {answeredByA}，主机B 应答 {answeredByB}");
        Assert.True(answeredByA > 0 && answeredByB > 0, $"requests were not spread over both hosts: A {answeredByA}, B {answeredByB}");
        var casesBefore = await NumbersAsync(database, "SELECT \"Number\" FROM \"Cases\"");
        var ticketsBefore = await NumbersAsync(database, "SELECT \"Id\" FROM \"Tickets\"");
        Assert.Contains(caseNumber, casesBefore);

        // 4. Host B dies (SIGKILL, no shutdown: PortalProcess kills its process tree, then removes its folder).
        // Everything from here on can only be answered by host A.
        await hostB.DisposeAsync();
        hostBKilled = true;
        var killedAt = proxy.AccessLog().Count;
        output.WriteLine($"主机B 已被强制终止（访问日志第 {killedAt} 行之后）");

        // 5. The same window clerk, in the same session, serves and finishes the visitor; the board follows without a reload.
        await StepAsync(window, "05-serve", async () =>
        {
            await window.GotoAsync("/Hall/Window");
            await window.ClickAsync("button[name='Data.Do'][value=Serve]");
            await Assertions.Expect(window.Locator(".alert-ok")).ToContainTextAsync("开始办理");
            await window.ClickAsync("button[name='Data.Do'][value=Finish]");
            await Assertions.Expect(window.Locator(".alert-ok")).ToContainTextAsync("已办结");
        });
        await StepAsync(kiosk, "05-ticket", async () =>
        {
            await kiosk.ReloadAsync();
            await Assertions.Expect(kiosk.Locator("[data-testid=ticket-state]")).ToHaveTextAsync("已办结");
        });

        // 6. The window accepts the application made before the kill.
        var waiting = new List<string>();
        await StepAsync(window, "06-accept", async () =>
        {
            await window.GotoAsync($"/Cases/{caseNumber}");
            await Assertions.Expect(window.Locator("[data-testid=case-state]")).ToHaveTextAsync("待受理");
            await window.ClickAsync("button[name='Data.Trigger'][value=Accept]");
            await Assertions.Expect(window.Locator("[data-testid=case-state]")).ToHaveTextAsync("办理中");
            var rows = window.Locator("[data-testid=tracks] tbody tr[data-track]");
            await Assertions.Expect(rows.First).ToBeVisibleAsync();
            foreach (var row in await rows.AllAsync())
            {
                if ((await row.Locator("td[data-label='状态'] .badge").InnerTextAsync()).Trim() == "待办理")
                {
                    waiting.Add((await row.GetAttributeAsync("data-track"))!);
                }
            }
        });
        Assert.Contains("设立登记", waiting);

        // 7. Each department signs in (on the surviving host) and finishes its track; the last one's 办结 issues the licence.
        for (var i = 0; i < waiting.Count; i++)
        {
            var label = waiting[i];
            var reviewer = await SignInAsync(ReviewerOfTrack[label]);
            await StepAsync(reviewer, $"07-{ReviewerOfTrack[label]}", async () =>
            {
                await reviewer.GotoAsync($"/Cases/{caseNumber}");
                var row = reviewer.Locator($"[data-testid=tracks] tbody tr[data-track='{label}']");
                await row.Locator("button[name='Item.Trigger'][value=Start]").ClickAsync();
                row = reviewer.Locator($"[data-testid=tracks] tbody tr[data-track='{label}']");
                await Assertions.Expect(row.Locator("td[data-label='状态'] .badge")).ToHaveTextAsync("办理中");
                await row.Locator("button[name='Item.Trigger'][value=Complete]").ClickAsync();
                row = reviewer.Locator($"[data-testid=tracks] tbody tr[data-track='{label}']");
                await Assertions.Expect(row.Locator("td[data-label='状态'] .badge")).ToHaveTextAsync("已办结");
            });
            await reviewer.Context.CloseAsync();
        }

        // 8. The applicant, still in the session begun before the kill, finds the case finished and the licence; the
        // licence's verification address is https on the portal's name (the portal believed the proxy).
        var creditCode = "";
        await StepAsync(applicant, "08-licence", async () =>
        {
            await applicant.GotoAsync($"/Cases/{caseNumber}");
            Assert.Equal($"/Cases/{caseNumber}", new Uri(applicant.Url).AbsolutePath);
            await Assertions.Expect(applicant.Locator("[data-testid=case-state]")).ToHaveTextAsync("办结");
            await applicant.ClickAsync("a:has-text('电子营业执照和电子印章')");
            await applicant.WaitForURLAsync(new Regex(@"/Enterprises/[^/?#]+$"));
            await Assertions.Expect(applicant.Locator("[data-testid=licence]")).ToContainTextAsync(company);
            creditCode = (await applicant.Locator("[data-testid=credit-code]").InnerTextAsync()).Trim();
            var verify = await applicant.Locator("a[href*='/verify/']").First.GetAttributeAsync("href");
            Assert.Equal($"https://{NginxProxy.ServerName}/verify/{creditCode}", verify);
            await Walk.ShotAsync(applicant, "proxy-licence");
        });
        output.WriteLine($"统一社会信用代码：{creditCode}");

        var verifyPage = await (await NewContextAsync()).NewPageAsync();
        await verifyPage.GotoAsync($"/verify/{creditCode}");
        await Assertions.Expect(verifyPage.Locator("[data-testid=verify-result]")).ToContainTextAsync("有效");
        await Walk.ShotAsync(board, "proxy-board");

        // 9. Nothing lost: every case and ticket made before the kill is there; the board never reloaded and kept
        // being answered after the kill; after the kill only host A answered, and no answer was a server error.
        var casesAfter = await NumbersAsync(database, "SELECT \"Number\" FROM \"Cases\"");
        Assert.Empty(casesBefore.Except(casesAfter));
        Assert.Empty(ticketsBefore.Except(await NumbersAsync(database, "SELECT \"Id\" FROM \"Tickets\"")));
        Assert.Equal(0, boardLoads);
        await boardContext.CloseAsync();
        await applicant.Context.CloseAsync();
        await window.Context.CloseAsync();

        var log = proxy.AccessLog();
        var afterKill = log.Skip(killedAt).ToList();
        output.WriteLine($"停机后：{afterKill.Count} 个请求，其中 {afterKill.Count(l => l.Upstreams.Count > 1)} 个由主机B 转到主机A");
        Assert.All(afterKill, l => Assert.Equal(addressA, l.AnsweredBy));
        Assert.Contains(afterKill, l => l.Request.StartsWith("GET /api/hall/board", StringComparison.Ordinal) && l.Status == 200);
        Assert.Contains(afterKill, l => l.Request.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Empty(log.Where(l => l.Status >= 500).Select(l => l.Text));
        Assert.Empty(serverErrors);

        await CheckHttpsAndClientAddressAsync(database);
    }

    /// <summary>
    /// What the portal believes of the proxy: over https it sends HSTS and Secure cookies; plain http is redirected to
    /// https; the client's address reaches the security audit log (not the proxy's, and not one the client forged).
    /// </summary>
    private async Task CheckHttpsAndClientAddressAsync(ProxyDatabase database)
    {
        // A client on 127.0.0.3 forging X-Forwarded-For: nginx replaces it with the address it sees.
        using var client = proxy.Client(from: "127.0.0.3");
        using var login = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(',', login.Headers.GetValues("Strict-Transport-Security")));
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        var html = await login.Content.ReadAsStringAsync();
        var token = new PortalHtml(html).Forms.Select(PortalHtml.TokenOf).First(t => t is not null)!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Data.UserName"] = "13800000001",
                ["Data.Password"] = "错误的密码Wrong#2026",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        post.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var refused = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var events = await database.QueryAsync("SELECT \"Type\", \"UserName\", \"IpAddress\" FROM \"SecurityEvents\"");
        output.WriteLine("安全审计日志：" + string.Join("；", events.Select(e => $"{e[0]} {e[1]} {e[2]}")));
        Assert.Contains(events, e => e[0] == "SignInSucceeded" && e[1] == Applicant && e[2] == "127.0.0.1");
        Assert.Contains(events, e => e[0] == "SignInFailed" && e[2] == "127.0.0.3");
        Assert.DoesNotContain(events, e => e[2] == NginxProxy.ProxyAddress || e[2] == "203.0.113.9");

        // Plain http: a redirect to the same address over https.
        using var plain = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
        using var redirect = await plain.GetAsync($"http://{NginxProxy.ServerName}:{proxy.HttpPort}/Cases?page=2");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"{proxy.Url}/Cases?page=2", redirect.Headers.Location?.ToString());
    }

    /// <summary>A browser context on the proxy's https address (the test's certificate is accepted); every answer is watched for server errors.</summary>
    private async Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = proxy.Url,
            IgnoreHTTPSErrors = true,
            Locale = "zh-CN",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.Response += (_, response) =>
        {
            if (response.Status >= 500)
            {
                lock (serverErrors)
                {
                    serverErrors.Add($"{response.Status} {response.Url}");
                }
            }
        };
        context.RequestFailed += (_, request) =>
        {
            // A navigation or a poll cut short by the next one (or by closing the page) is not an error of the portal.
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                lock (serverErrors)
                {
                    serverErrors.Add($"{failure} {request.Url}");
                }
            }
        };
        return context;
    }

    /// <summary>Signs in through the proxy (staff with the demo authenticator's current code) and checks the cookies are Secure.</summary>
    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await StepAsync(page, $"signin-{userName}", async () =>
        {
            await page.GotoAsync("/Account/Login");
            await page.FillAsync("#Data_UserName", userName);
            await page.FillAsync("#Data_Password", PortalFixture.Password);
            await page.ClickAsync("button[type=submit]:has-text('登录')");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/Account/Login");
            if (new Uri(page.Url).AbsolutePath == "/Account/SecondFactor")
            {
                await page.FillAsync("#Data_Code", PortalFixture.TotpCode(PortalFixture.DemoAuthenticatorKey));
                await page.ClickAsync("button[type=submit]:has-text('验证并登录')");
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/Account/SecondFactor");
            }

            var cookies = await page.Context.CookiesAsync();
            Assert.Contains(cookies, c => c.Name.Contains("auth", StringComparison.OrdinalIgnoreCase));
            Assert.All(cookies, c => Assert.True(c.Secure, $"cookie {c.Name} is not Secure"));
        });
        return page;
    }

    private async Task StepAsync(IPage page, string step, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            try
            {
                await Walk.ShotAsync(page, $"proxy-failed-{step}");
                output.WriteLine($"失败于 {step}：{page.Url}（截图 proxy-failed-{step}.png）");
            }
            catch (PlaywrightException)
            {
            }

            throw;
        }
    }

    /// <summary>The kiosk is closed on non-working days: both hosts' clocks move to 10:00 of the next working day if needed.</summary>
    private async Task MoveToWorkingDayAsync(PortalProcess hostA, PortalProcess hostB)
    {
        using var http = new HttpClient { BaseAddress = new Uri(hostA.Url) };
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Walk.PortalZone);
        for (var day = DateOnly.FromDateTime(now.DateTime); ; day = day.AddDays(1))
        {
            var info = await http.GetFromJsonAsync<DayInfo>($"/api/calendar/day?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            if (!info!.Working)
            {
                continue;
            }

            if (day != DateOnly.FromDateTime(now.DateTime))
            {
                var hours = (day.ToDateTime(new TimeOnly(10, 0)) - now.DateTime).TotalHours.ToString(CultureInfo.InvariantCulture);
                foreach (var host in new[] { hostA, hostB })
                {
                    using var response = await http.PostAsync($"{host.Url}/__test/clock/advance?hours={hours}", null);
                    Assert.True(response.IsSuccessStatusCode, $"the test clock of {host.Url} refused: {(int)response.StatusCode}");
                }

                output.WriteLine($"两台主机的时钟拨快 {hours} 小时（到 {day:yyyy-MM-dd} 10:00）");
            }

            return;
        }
    }

    private static async Task<HashSet<string>> NumbersAsync(ProxyDatabase database, string sql) =>
        (await database.QueryAsync(sql)).Select(r => r[0]!).ToHashSet();

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];


    private sealed record DayInfo(bool Working);
}
