using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Identity;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// 统一身份认证 over a real OpenID Connect flow: the portal's own OpenID Connect handler against
/// <see cref="FakeIdentityProvider"/> on a loopback port (discovery, JWKS, authorization code with PKCE, a signed
/// id_token), a browser that follows every redirect between the two, and what the sign-in does to accounts.
/// </summary>
public sealed class IdentityProviderTests
{
    private static int sequence;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task First_sign_in_creates_a_verified_applicant_that_later_sign_ins_find_again(Provider provider)
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var factory = Portal(idp, provider);
        var id = NextId();
        idp.SignedIn = new("sub-zhao", "赵六", id, "13912340001");

        using var browser = new Browser(factory, idp);
        var landed = await browser.SignInThroughProviderAsync();

        Assert.Equal("/Cases", landed.Url);
        Assert.Equal(HttpStatusCode.OK, landed.Status);
        Assert.Contains("赵六", landed.Text);
        Assert.Equal(1, idp.TokensIssued);
        var user = await factory.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.IdNumber == id));
        Assert.Equal("13912340001", user.UserName);
        Assert.Equal("赵六", user.FullName);
        Assert.Equal(IdentityLevel.VerifiedByIdentityProvider, user.Level);
        Assert.Equal("统一身份认证", user.VerifiedByName);
        Assert.Null(user.PasswordHash);
        Assert.Equal(["ProviderAccountCreated", "ProviderLinked", "Verified"], (await EventsAsync(factory, user.Id)).Order().ToArray());
        Assert.StartsWith("已实名核验（统一身份认证，", (await browser.GetAsync("/Identity")).TestId("level"));

        using var again = new Browser(factory, idp);
        Assert.Equal("/Cases", (await again.SignInThroughProviderAsync()).Url);
        Assert.Equal(1, await factory.WithDb(db => db.Users.CountAsync(u => u.IdNumber == id)));
    }

    [Fact]
    public async Task An_unverified_account_claiming_the_same_name_and_id_number_is_not_taken_over()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var factory = Portal(idp);
        var claimant = await factory.CreateUserAsync(Roles.Applicant, "赵六");
        var id = await factory.WithDb(db => db.Users.Where(u => u.Id == claimant.Id).Select(u => u.IdNumber!).SingleAsync());
        idp.SignedIn = new("sub-zhao", "赵六", id);

        using var browser = new Browser(factory, idp);
        Assert.Equal("/Cases", (await browser.SignInThroughProviderAsync()).Url);

        var accounts = await factory.WithDb(db => db.Users.AsNoTracking().Where(u => u.IdNumber == id).ToListAsync());
        Assert.Equal(2, accounts.Count);
        var old = accounts.Single(u => u.Id == claimant.Id);
        Assert.Equal(IdentityLevel.Unverified, old.Level);
        Assert.Equal(0, await factory.WithDb(db => db.UserLogins.CountAsync(l => l.UserId == claimant.Id)));
        var created = accounts.Single(u => u.Id != claimant.Id);
        Assert.Equal(IdentityLevel.VerifiedByIdentityProvider, created.Level);
        Assert.StartsWith("uia-", created.UserName);
    }

    [Fact]
    public async Task An_account_verified_at_a_window_is_linked_by_the_first_provider_sign_in()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var factory = Portal(idp);
        var person = await factory.CreateUserAsync(Roles.Applicant, "赵六");
        await factory.VerifyAsync(person);
        var id = await factory.WithDb(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.IdNumber!).SingleAsync());
        idp.SignedIn = new("sub-zhao", "赵六", id);

        using var browser = new Browser(factory, idp);
        Assert.Equal("/Cases", (await browser.SignInThroughProviderAsync()).Url);

        Assert.Equal(1, await factory.WithDb(db => db.Users.CountAsync(u => u.IdNumber == id)));
        var login = await factory.WithDb(db => db.UserLogins.AsNoTracking().SingleAsync());
        Assert.Equal(person.Id, login.UserId);
        Assert.Equal("sub-zhao", login.ProviderKey);
        // The window's verification stays the account's record.
        Assert.Equal(IdentityLevel.VerifiedAtWindow, (await factory.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).Level);
    }

    [Fact]
    public async Task A_signed_in_account_is_verified_by_the_provider_only_when_its_name_and_id_number_are_the_providers()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var factory = Portal(idp);
        var person = await factory.CreateUserAsync(Roles.Applicant, "赵六");
        var id = await factory.WithDb(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.IdNumber!).SingleAsync());

        using var browser = new Browser(factory, idp);
        await browser.SignInWithPasswordAsync(person);
        idp.SignedIn = new("sub-other", "赵陆", id);
        var refused = await browser.VerifyThroughProviderAsync();

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("返回的姓名或身份证号与本账号登记的不一致", refused.TestId("external-problem"));
        Assert.Equal(IdentityLevel.Unverified, (await factory.WithDb(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id))).Level);
        Assert.Equal(0, await factory.WithDb(db => db.UserLogins.CountAsync()));

        idp.SignedIn = new("sub-zhao", "赵六", id);
        var verified = await browser.VerifyThroughProviderAsync();

        Assert.Equal("/Identity", verified.Url);
        Assert.StartsWith("已实名核验（统一身份认证", verified.TestId("level"));
        Assert.Contains("已通过统一身份认证完成实名核验", verified.Text);
        Assert.Equal(person.Id, (await factory.WithDb(db => db.UserLogins.AsNoTracking().SingleAsync())).UserId);
    }

    [Fact]
    public async Task A_forged_id_token_or_a_cancelled_sign_in_ends_on_a_chinese_page_and_creates_nobody()
    {
        await using var idp = await FakeIdentityProvider.StartAsync();
        await using var factory = Portal(idp);
        idp.SignedIn = new("sub-zhao", "赵六", NextId());
        idp.SignWithUnpublishedKey = true;

        using var forged = new Browser(factory, idp);
        var page = await forged.SignInThroughProviderAsync();

        Assert.Equal("/Identity/External?handler=Failed", page.Url);
        Assert.Contains("统一身份认证未完成", page.TestId("external-problem"));
        Assert.Equal(1, idp.TokensIssued);

        idp.SignedIn = null;
        using var cancelled = new Browser(factory, idp);
        Assert.Contains("统一身份认证未完成", (await cancelled.SignInThroughProviderAsync()).TestId("external-problem"));

        Assert.Equal(0, await factory.WithDb(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await forged.GetAsync("/Cases")).Status);
    }

    [Fact]
    public async Task The_identity_provider_is_off_by_default()
    {
        await using var factory = new PortalFactory();
        using var session = new HttpSession(factory);

        var login = await session.GetAsync("/Account/Login");

        Assert.Null(login.TestId("external-sign-in"));
        Assert.DoesNotContain("统一身份认证", login.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/Identity/External?handler=Callback")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/signin-uia?code=x&state=y")).Status);
    }

    private static PortalFactory Portal(FakeIdentityProvider idp, Provider provider = Provider.Sqlite)
    {
        var factory = new PortalFactory(provider);
        factory.Settings["Portal:IdentityProvider:Enabled"] = "true";
        factory.Settings["Portal:IdentityProvider:Authority"] = idp.Url;
        factory.Settings["Portal:IdentityProvider:ClientId"] = FakeIdentityProvider.ClientId;
        factory.Settings["Portal:IdentityProvider:ClientSecret"] = FakeIdentityProvider.ClientSecret;
        factory.Settings["Portal:IdentityProvider:RequireHttpsMetadata"] = "false";
        return factory;
    }

    private static Task<List<string>> EventsAsync(PortalFactory factory, string userId) =>
        factory.WithDb(db => db.IdentityEvents.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.Kind.ToString()).ToListAsync());

    private static string NextId() => ResidentIdNumber.Create($"11010519800101{Interlocked.Increment(ref sequence) % 1000:D3}");

    /// <summary>
    /// One browser between the portal (the test host) and the provider (loopback): follows redirects across both and
    /// keeps the portal's cookies itself, without their expiry dates — the portal writes those from the tests' clock,
    /// which a real cookie jar would compare with the wall clock.
    /// </summary>
    private sealed class Browser(PortalFactory factory, FakeIdentityProvider idp) : IDisposable
    {
        private readonly HttpClient portal = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        private readonly HttpClient provider = new(new HttpClientHandler { AllowAutoRedirect = false });
        private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

        public async Task<HttpPage> GetAsync(string url) => await ReadAsync(url, await SendAsync(new HttpRequestMessage(HttpMethod.Get, url)));

        /// <summary>“使用统一身份认证登录” on the sign-in page, then every redirect to the end.</summary>
        public async Task<HttpPage> SignInThroughProviderAsync()
        {
            var login = await GetAsync("/Account/Login");
            return await PostAndFollowAsync("/Identity/External?handler=SignIn", login.Token("/Identity/External?handler=SignIn")!);
        }

        /// <summary>“使用统一身份认证核验” on 我的实名等级, then every redirect to the end.</summary>
        public async Task<HttpPage> VerifyThroughProviderAsync()
        {
            var mine = await GetAsync("/Identity");
            return await PostAndFollowAsync("/Identity/External?handler=Verify", mine.Token("/Identity/External?handler=Verify")!);
        }

        public async Task SignInWithPasswordAsync(TestUser user)
        {
            var login = await GetAsync("/Account/Login");
            var answer = await PostAsync("/Account/Login", ("Data.UserName", user.UserName), ("Data.Password", HttpSession.DefaultPassword), (HttpSession.TokenField, login.Token()!));
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        private async Task<HttpPage> PostAndFollowAsync(string url, string token)
        {
            var response = await PostAsync(url, (HttpSession.TokenField, token));
            var at = url;
            for (var hops = 0; hops < 10 && response.Headers.Location is { } location; hops++)
            {
                var target = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
                if (target.Authority == new Uri(idp.Url).Authority)
                {
                    response = await provider.GetAsync(target);
                    continue;
                }

                at = target.PathAndQuery;
                response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, at));
            }

            return await ReadAsync(at, response);
        }

        private async Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) =>
            await SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
            });

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await portal.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var cookie in SetCookieHeaderValue.ParseList(values.ToList()))
                {
                    // A cookie set to expire in 1970 is a deletion; any other date is the tests' clock, not the browser's.
                    if (cookie.Value.Length == 0 || cookie.Expires?.Year == 1970)
                    {
                        cookies.Remove(cookie.Name.ToString());
                    }
                    else
                    {
                        cookies[cookie.Name.ToString()] = cookie.Value.ToString();
                    }
                }
            }

            return response;
        }

        private static async Task<HttpPage> ReadAsync(string url, HttpResponseMessage response)
        {
            using (response)
            {
                return await HttpPage.ReadAsync(url, response);
            }
        }

        public void Dispose()
        {
            portal.Dispose();
            provider.Dispose();
        }
    }
}
