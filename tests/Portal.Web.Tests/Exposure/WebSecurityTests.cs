using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Portal.Domain.Organisation;
using Portal.Web.Setup;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Exposure;

/// <summary>
/// Issue 16 part 6 beyond the headers of each answer (<see cref="EndpointAccessTests"/>): hosts, reverse proxies, HSTS and
/// Secure cookies, the Server banner, and exports of personal data. The proxy and banner tests run the portal on real
/// Kestrel (a real connection, a real client address).
/// </summary>
public sealed class WebSecurityTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string PublicHost = "portal.example.gov.cn";

    [Theory]
    [InlineData("/Admin")]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    public async Task A_forged_host_header_is_refused_with_an_empty_400_and_no_redirect(string url)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = "evil.example";

        using var answer = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
        Assert.Equal("", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_every_host_allowed_a_forged_host_still_never_leads_a_redirect_off_the_portal()
    {
        // An operator who sets AllowedHosts to "*": the sign-in and 无权访问 redirects are relative all the same.
        await using var open = new PortalFactory(Provider.Sqlite);
        open.Settings["AllowedHosts"] = "*";
        var applicant = await open.CreateUserAsync(Roles.Applicant);
        using var anonymous = open.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await new HttpSession(open).SignedInAsync(applicant);

        foreach (var client in new[] { anonymous, signedIn.Client })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Admin");
            request.Headers.Host = "evil.example";
            using var answer = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            var location = answer.Headers.Location!.OriginalString;
            Assert.StartsWith("/Account/", location, StringComparison.Ordinal);
            Assert.DoesNotContain("evil", location, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Personal_data_exports_are_never_stored_by_a_browser_or_proxy()
    {
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        using var session = await new HttpSession(factory).SignedInAsync(supervisor);

        foreach (var url in new[]
        {
            "/Ratings?handler=Export&table=staff&format=csv",
            "/Ratings?handler=Export&table=staff&format=xlsx",
            "/Dashboard?handler=Export&table=staff&format=csv",
            "/Dashboard?handler=Export&table=staff&format=xlsx",
        })
        {
            var file = await session.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, file.Status);
            Assert.NotNull(file.Header("Content-Disposition"));
            Assert.Contains("no-store", file.Header("Cache-Control"));
        }
    }

    [Fact]
    public async Task Static_files_carry_the_security_headers_and_stay_cacheable()
    {
        using var session = new HttpSession(factory);

        var css = await session.GetAsync("/css/portal.css");

        Assert.Equal(HttpStatusCode.OK, css.Status);
        Assert.Equal(WebSecurity.ContentSecurityPolicy, css.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", css.Header("X-Content-Type-Options"));
        Assert.DoesNotContain("no-store", css.Header("Cache-Control") ?? "");
    }

    [Fact]
    public void The_policy_allows_no_inline_script_no_eval_and_no_framing()
    {
        var directives = WebSecurity.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);

        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["style-src"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'none'", directives["frame-ancestors"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.DoesNotContain("unsafe", WebSecurity.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public void An_identity_provider_can_be_added_to_form_action_and_nothing_else()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WebSecurity.FormActionKey + ":0"] = "https://id.shandong.gov.cn",
            [WebSecurity.FormActionKey + ":1"] = "'unsafe-inline'; script-src *",
        }).Build();

        var policy = WebSecurity.ContentSecurityPolicyFor(config);

        Assert.Contains("form-action 'self' https://id.shandong.gov.cn;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_server_sends_no_server_banner()
    {
        await using var kestrel = Kestrel();
        using var client = kestrel.CreateClient();

        using var answer = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Server"), "Server: " + string.Join(",", answer.Headers.TryGetValues("Server", out var s) ? s : []));
        Assert.Equal(WebSecurity.ContentSecurityPolicy, string.Join(",", answer.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Behind_a_known_proxy_https_brings_hsts_and_secure_cookies_and_the_public_host_is_used()
    {
        await using var kestrel = Kestrel();
        kestrel.Settings["AllowedHosts"] = $"localhost;127.0.0.1;{PublicHost}";
        var (owner, enterprise) = await kestrel.RegisterThroughEstablishmentAsync();
        using var client = RealClient(kestrel);

        // The proxy (this test, on loopback: a known proxy by default) says the person came over https to the public name.
        var login = await SendAsync(client, HttpMethod.Get, "/Account/Login", Forwarded("https", PublicHost));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(login, "Strict-Transport-Security"));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        // Over plain http (the proxy says http, or there is no proxy) the portal keeps working without Secure cookies.
        var plain = await SendAsync(client, HttpMethod.Get, "/Account/Login", Forwarded("http", PublicHost));
        Assert.Null(Header(plain, "Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));

        // The licence's verification link is built with the host and scheme the proxy gave.
        var page = await SignedInPageAsync(kestrel, client, owner, $"/Enterprises/{enterprise.CreditCode}", Forwarded("http", PublicHost));
        Assert.Contains($"http://{PublicHost}/verify/{enterprise.CreditCode}", page);
    }

    [Fact]
    public async Task A_known_proxy_cannot_forward_a_host_the_portal_does_not_serve()
    {
        await using var kestrel = Kestrel();
        var (owner, enterprise) = await kestrel.RegisterThroughEstablishmentAsync();
        using var client = RealClient(kestrel);

        var page = await SignedInPageAsync(kestrel, client, owner, $"/Enterprises/{enterprise.CreditCode}", Forwarded("http", "evil.example"));

        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
        Assert.Contains($"{client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/verify/{enterprise.CreditCode}", page);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        await using var kestrel = Kestrel();
        kestrel.Settings["AllowedHosts"] = $"localhost;127.0.0.1;{PublicHost}";
        kestrel.Settings[WebSecurity.KnownProxiesKey + ":0"] = "10.20.30.40";
        kestrel.Settings[WebSecurity.KnownProxiesKey + ":1"] = "10.20.30.41";
        var (owner, enterprise) = await kestrel.RegisterThroughEstablishmentAsync();
        using var client = RealClient(kestrel);

        var login = await SendAsync(client, HttpMethod.Get, "/Account/Login", Forwarded("https", PublicHost));
        Assert.Null(Header(login, "Strict-Transport-Security"));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));

        var page = await SignedInPageAsync(kestrel, client, owner, $"/Enterprises/{enterprise.CreditCode}", Forwarded("https", PublicHost));
        Assert.DoesNotContain(PublicHost, page, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{client.BaseAddress!.Port}/verify/", page);
    }

    private static PortalFactory Kestrel()
    {
        var kestrel = new PortalFactory(Provider.Sqlite);
        kestrel.UseKestrel(0);
        return kestrel;
    }

    /// <summary>A client of the real server that follows no redirect and keeps no cookie (the tests carry them).</summary>
    private static HttpClient RealClient(PortalFactory kestrel)
    {
        using var first = kestrel.CreateClient();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = first.BaseAddress };
    }

    private static (string Name, string Value)[] Forwarded(string scheme, string host) =>
        [("X-Forwarded-For", "203.0.113.9"), ("X-Forwarded-Proto", scheme), ("X-Forwarded-Host", host)];

    private static string? Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, (string Name, string Value)[] headers, HttpContent? content = null, string? cookies = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (cookies is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }

        var answer = await client.SendAsync(request);
        await answer.Content.LoadIntoBufferAsync();
        return answer;
    }

    /// <summary>Signs in through the real form (cookies carried by hand: a Secure cookie would not travel back over the test's plain connection) and GETs the page.</summary>
    private static async Task<string> SignedInPageAsync(PortalFactory kestrel, HttpClient client, TestUser user, string url, (string Name, string Value)[] headers)
    {
        var jar = new Dictionary<string, string>();
        void Keep(HttpResponseMessage answer)
        {
            foreach (var cookie in answer.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                var pair = cookie.Split(';')[0];
                jar[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            }
        }

        string Jar() => string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}"));

        var form = await SendAsync(client, HttpMethod.Get, "/Account/Login", headers);
        Keep(form);
        var token = new PortalHtml(await form.Content.ReadAsStringAsync()).PostForm() is { } f ? PortalHtml.TokenOf(f) : null;
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [PortalHtml.TokenField] = token ?? "",
            ["Data.UserName"] = user.UserName,
            ["Data.Password"] = HttpSession.DefaultPassword,
        });
        var signIn = await SendAsync(client, HttpMethod.Post, "/Account/Login", headers, fields, Jar());
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)signIn.StatusCode}: {WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync())}");
        Keep(signIn);
        var page = await SendAsync(client, HttpMethod.Get, url, headers, cookies: Jar());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
