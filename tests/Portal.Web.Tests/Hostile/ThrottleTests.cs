using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hostile;

/// <summary>
/// The per-client throttles (issue 16 part 4) over HTTP, each client with its own address: a flood of priority
/// numbers from one client stops with a Chinese 429 page, one client cannot lock out a list of staff accounts, and other
/// clients are not affected. The limits are the defaults of <c>Portal:Throttle</c>; only "Enabled" differs from the
/// test suite's other hosts.
/// </summary>
public sealed class ThrottleTests
{
    [Fact]
    public async Task Twenty_priority_numbers_from_one_client_at_once_stop_at_the_limit_with_a_chinese_429_page_and_others_still_take_numbers()
    {
        await using var factory = new ThrottledPortal();
        using var flood = factory.Session("203.0.113.7");
        var kiosk = await flood.GetAsync("/Hall");
        Assert.Equal(HttpStatusCode.OK, kiosk.Status);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            flood.SubmitAsync(kiosk, null, ("Data.Reason", "Elderly"), ("Data.Category", "establishment"))));

        var issued = answers.Count(a => a.Status == HttpStatusCode.Redirect);
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, issued);
        Assert.Equal(15, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal("text/html", r.MediaType);
            Assert.Contains("操作过于频繁", r.Text);
            Assert.Contains("同一网络地址在短时间内提交过多", r.Text);
        });
        Assert.Equal(5, await factory.WithDb(db => db.Tickets.CountAsync()));
        Assert.All(await factory.WithDb(db => db.Tickets.ToListAsync()), t => Assert.Equal(PriorityCheck.Pending, t.PriorityCheck));

        // Reading the kiosk page is never refused, and another client takes its number as usual.
        Assert.Equal(HttpStatusCode.OK, (await flood.GetAsync("/Hall")).Status);
        using var visitor = factory.Session("198.51.100.20");
        var own = await visitor.SubmitAsync(await visitor.GetAsync("/Hall"), null, ("Data.Reason", "None"), ("Data.Category", "general"));
        Assert.Equal(HttpStatusCode.Redirect, own.Status);
        Assert.StartsWith("/Hall/Ticket/", own.RedirectPath);
    }

    [Fact]
    public async Task One_client_guessing_passwords_cannot_lock_out_a_list_of_staff_accounts_and_another_client_signs_in()
    {
        await using var factory = new ThrottledPortal();
        var staff = new List<TestUser>();
        foreach (var role in new[] { Roles.Window, Roles.Window, Roles.Supervisor, Roles.Admin, Department.Tax.ReviewerRole() })
        {
            staff.Add(await factory.CreateUserAsync(role));
        }

        using var guesser = factory.Session("203.0.113.66");
        var answers = new List<HttpPage>();
        foreach (var user in staff)
        {
            for (var i = 0; i < 5; i++)
            {
                answers.Add(await guesser.SignInAsync(user.UserName, $"wrong{i}guess"));
            }
        }

        Assert.Equal(10, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(15, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.TooManyRequests), a => Assert.Contains("操作过于频繁", a.Text));
        var locked = await LockedAsync(factory, staff);
        Assert.Equal(2, locked.Count);
        Assert.True(locked.Count < staff.Count);

        // The staff whose accounts were not reached sign in from their own machines as usual; the guesser is still refused.
        foreach (var (user, index) in staff.Select((u, i) => (u, i)).Where(x => !locked.Contains(x.u.Id)))
        {
            using var own = factory.Session($"198.51.100.{30 + index}");
            var answer = await own.SignInAsync(user.UserName);
            Assert.True(answer.Status == HttpStatusCode.Redirect, answer.ToString());
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.SignInAsync(staff[^1].UserName)).Status);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/Account/Login")).Status);
    }

    [Fact]
    public async Task Registration_is_throttled_per_client()
    {
        await using var factory = new ThrottledPortal();
        using var bot = factory.Session("203.0.113.99");
        var form = await bot.GetAsync("/Account/Register");

        var answers = new List<HttpPage>();
        for (var i = 0; i < 7; i++)
        {
            answers.Add(await bot.SubmitAsync(form, null, ("Data.FullName", "")));
        }

        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(2, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
        using var person = factory.Session("198.51.100.77");
        Assert.Equal(HttpStatusCode.OK, (await person.SubmitAsync(await person.GetAsync("/Account/Register"), null, ("Data.FullName", ""))).Status);
    }

    [Fact]
    public async Task Utility_feed_is_throttled_per_client_with_chinese_problem_details_and_retry_after()
    {
        await using var factory = new ThrottledPortal();
        factory.Settings["Portal:UtilityFeedKeys:Power"] = "k-power-throttle";
        factory.Settings["Portal:Throttle:Feed:PermitLimit"] = "3";
        using var client = factory.Client("203.0.113.5");
        client.DefaultRequestHeaders.Add("X-Api-Key", "k-power-throttle");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/api/utilities/power/requests");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/json", last!.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(last.Headers.RetryAfter);
        using var json = JsonDocument.Parse(await last.Content.ReadAsStringAsync());
        Assert.Equal("操作过于频繁", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
        last.Dispose();

        using var other = factory.Client("198.51.100.5");
        other.DefaultRequestHeaders.Add("X-Api-Key", "k-power-throttle");
        using var answer = await other.GetAsync("/api/utilities/power/requests");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task The_halls_own_devices_listed_as_trusted_are_not_throttled()
    {
        await using var factory = new ThrottledPortal();
        factory.Settings["Portal:Throttle:TrustedClients:0"] = "10.20.0.0/16";
        using var kiosk = factory.Session("10.20.3.4");
        var page = await kiosk.GetAsync("/Hall");

        for (var i = 0; i < 8; i++)
        {
            var answer = await kiosk.SubmitAsync(page, null, ("Data.Reason", "None"), ("Data.Category", "general"));
            Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        }
    }

    [Fact]
    public async Task Throttles_are_on_unless_configured_off()
    {
        await using var factory = new PortalFactory();
        factory.Settings.Remove("Portal:Throttle:Enabled");

        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Web.Setup.ThrottleOptions>>().Value;

        Assert.True(options.Enabled);
        Assert.Equal((10, 600), (options.SignIn.PermitLimit, options.SignIn.WindowSeconds));
        Assert.Equal((5, 600), (options.Ticket.PermitLimit, options.Ticket.WindowSeconds));
    }

    private static async Task<HashSet<string>> LockedAsync(PortalFactory factory, IEnumerable<TestUser> users)
    {
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var locked = new HashSet<string>();
        foreach (var user in users)
        {
            if (await manager.IsLockedOutAsync((await manager.FindByIdAsync(user.Id))!))
            {
                locked.Add(user.Id);
            }
        }

        return locked;
    }
}

/// <summary>
/// A portal with the throttles on, where each test client comes from its own address: the test host has no network,
/// so a request carries its address in a header that a startup filter (test host only) turns into the connection's
/// remote address, as a real connection would have it.
/// </summary>
public sealed class ThrottledPortal : PortalFactory
{
    public const string AddressHeader = "X-Test-Client-Address";

    public ThrottledPortal()
    {
        Settings["Portal:Throttle:Enabled"] = "true";
    }

    public HttpSession Session(string address)
    {
        var session = new HttpSession(this);
        session.Client.DefaultRequestHeaders.Add(AddressHeader, address);
        return session;
    }

    public HttpClient Client(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
