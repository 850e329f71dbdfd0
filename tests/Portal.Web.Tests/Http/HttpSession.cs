using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// One browser talking to the test host: keeps cookies, never follows redirects by itself (so tests see every
/// 302), reads the antiforgery token and hidden fields from a GET'd form and posts form fields back.
/// </summary>
public sealed class HttpSession : IDisposable
{
    public const string TokenField = PortalHtml.TokenField;

    public const string DefaultPassword = Portal.Web.Setup.Seeding.DemoData.Password;

    private readonly PortalFactory factory;

    public HttpSession(PortalFactory factory)
    {
        this.factory = factory;

        // Cookies in a container of our own (the test host's cookie handling otherwise hides them), no redirect handler.
        Client = factory.CreateDefaultClient(new CookieContainerHandler(Cookies));
    }

    public HttpClient Client { get; }

    /// <summary>The browser's cookies (a test can copy one, e.g. to replay a sign-in cookie from another client).</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>The value of a cookie the portal set, or null.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(Client.BaseAddress!)[name]?.Value;

    public async Task<HttpPage> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return await HttpPage.ReadAsync(url, response);
    }

    /// <summary>GETs <paramref name="url"/> and follows at most <paramref name="maxRedirects"/> redirects.</summary>
    public async Task<HttpPage> GetFollowingAsync(string url, int maxRedirects)
    {
        var page = await GetAsync(url);
        for (var i = 0; i < maxRedirects && page.IsRedirect; i++)
        {
            page = await GetAsync(page.RedirectPath!);
        }

        return page;
    }

    /// <summary>Posts exactly these fields (no antiforgery token is added).</summary>
    public async Task<HttpPage> PostAsync(string url, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await Client.PostAsync(url, content);
        return await HttpPage.ReadAsync(url, response);
    }

    /// <summary>
    /// Submits a form of <paramref name="page"/> the way a browser does: its hidden fields (antiforgery token,
    /// expected version …) plus <paramref name="fields"/>, which win over hidden fields of the same name. The form
    /// is the one whose action is <paramref name="formAction"/>, or else the page's first post form without an action.
    /// </summary>
    public Task<HttpPage> SubmitAsync(HttpPage page, string? formAction, params (string Name, string Value)[] fields)
    {
        var form = page.Form(formAction);
        var target = form.Action is { Length: > 0 } action ? action : page.Url;
        var names = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var all = form.Hidden.Where(h => !names.Contains(h.Name)).Concat(fields).ToArray();
        return PostAsync(target, all);
    }

    /// <summary>GETs <paramref name="url"/> and submits its (first) form with the given fields.</summary>
    public async Task<HttpPage> SubmitAsync(string url, params (string Name, string Value)[] fields) =>
        await SubmitAsync(await GetAsync(url), null, fields);

    /// <summary>
    /// Signs in through the login form and, for staff, the second factor as a person with their phone does
    /// (<see cref="PassSecondFactorAsync"/>); returns the last answer (302 on success).
    /// </summary>
    public async Task<HttpPage> SignInAsync(string userName, string password = DefaultPassword) =>
        await PassSecondFactorAsync(userName, await SubmitAsync("/Account/Login", ("Data.UserName", userName), ("Data.Password", password)));

    /// <summary>
    /// After the password step: sent to the second factor, submits the current code of the account's authenticator
    /// (<see cref="PortalFactory.AuthenticatorKeys"/>); sent to bind one (staff without one yet), binds it as a person
    /// does — reads the key the page shows, answers with its code and looks at the recovery codes — and remembers the
    /// key. Any other answer is returned as it is.
    /// </summary>
    public async Task<HttpPage> PassSecondFactorAsync(string userName, HttpPage answer)
    {
        var path = answer.IsRedirect ? answer.RedirectPath ?? "" : "";
        if (path.StartsWith("/Account/SecondFactor", StringComparison.Ordinal))
        {
            Assert.True(factory.AuthenticatorKeys.TryGetValue(userName, out var key), $"{userName} has an authenticator whose key the tests do not know.");
            return await SubmitAsync(await GetAsync(path), null, ("Data.Code", Authenticator.Code(key!)));
        }

        if (path.StartsWith("/Account/Authenticator", StringComparison.Ordinal))
        {
            var page = await GetAsync(path);
            var shown = page.TestId("authenticator-key");
            Assert.True(shown is { Length: > 0 }, $"the enrolment page shows no key: {page}");
            var key = Authenticator.Normalize(shown!);
            factory.AuthenticatorKeys[userName] = key;
            var enrolled = await SubmitAsync(page, null, ("Data.Code", Authenticator.Code(key)));
            if (enrolled.IsRedirect)
            {
                Assert.Equal(HttpStatusCode.OK, (await GetAsync(enrolled.RedirectPath!)).Status);
            }

            return enrolled;
        }

        return answer;
    }

    /// <summary>Signs in and asserts that it worked.</summary>
    public async Task<HttpSession> SignedInAsync(TestUser user)
    {
        var answer = await SignInAsync(user.UserName);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"sign-in of {user.UserName} answered {(int)answer.Status}: {answer.Text}");
        return this;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>One answer of the portal; its HTML is read with the shared AngleSharp reader (<see cref="PortalHtml"/>).</summary>
public sealed class HttpPage
{
    private PortalHtml? html;

    private HttpPage(string url, HttpStatusCode status, string? location, string? mediaType, string body, IReadOnlyDictionary<string, string> headers)
    {
        Url = url;
        Status = status;
        Location = location;
        MediaType = mediaType;
        Body = body;
        Headers = headers;
    }

    /// <summary>Every response and content header (several values of one header joined with ", "), by name in any case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>A header's value, or null when the answer has none.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The address that was requested.</summary>
    public string Url { get; }

    public HttpStatusCode Status { get; }

    /// <summary>The Location header of a redirect, as sent.</summary>
    public string? Location { get; }

    /// <summary>The redirect target without the test host's origin, e.g. <c>/Account/Login?ReturnUrl=%2FWorkbench</c>.</summary>
    public string? RedirectPath =>
        Location is null ? null
        : Location.StartsWith("http://localhost/", StringComparison.OrdinalIgnoreCase) ? new Uri(Location).PathAndQuery
        : Location;

    public string? MediaType { get; }

    /// <summary>The body as sent (attribute values and text may contain character references such as <c>&amp;amp;</c>).</summary>
    public string Body { get; }

    /// <summary>The body with character references decoded, for looking for the Chinese text a person reads.</summary>
    public string Text => WebUtility.HtmlDecode(Body);

    /// <summary>The body parsed as HTML (once).</summary>
    public PortalHtml Html => html ??= new PortalHtml(Body);

    public bool IsRedirect => Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MovedPermanently;

    public static async Task<HttpPage> ReadAsync(string url, HttpResponseMessage response) =>
        new(
            url,
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(),
            response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(", ", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase));

    /// <summary>All forms of the page.</summary>
    public IReadOnlyList<HtmlForm> Forms => Html.Forms;

    /// <summary>The form posting to <paramref name="action"/>, or (null) the first post form without an action.</summary>
    public HtmlForm Form(string? action = null)
    {
        var form = Html.PostForm(action);
        Assert.True(form is not null, $"{Url} ({(int)Status}) has no post form with action '{action ?? "(none)"}'.");
        return form!;
    }

    /// <summary>The antiforgery token of a form (see <see cref="Form"/>), or null when the form has none.</summary>
    public string? Token(string? action = null) => PortalHtml.TokenOf(Form(action));

    /// <summary>The value attribute of the first input named <paramref name="name"/> anywhere on the page.</summary>
    public string? InputValue(string name) => Html.InputValue(name);

    /// <summary>The text inside the first element carrying <c>data-testid="…"</c> (markup removed, trimmed).</summary>
    public string? TestId(string id) => Html.TestId(id);

    /// <summary>The src of every script and the href of every link element.</summary>
    public IReadOnlyList<string> AssetReferences() => Html.AssetReferences();

    public override string ToString() => $"{(int)Status} {Url} → {Location}\n{Text}";
}
