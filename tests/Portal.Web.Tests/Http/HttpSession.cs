using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// One browser talking to the test host: keeps cookies, never follows redirects by itself (so tests see every
/// 302), reads the antiforgery token and hidden fields from a GET'd form and posts form fields back.
/// </summary>
public sealed class HttpSession : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";

    public const string DefaultPassword = "portal2026";

    public HttpSession(PortalFactory factory)
    {
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public HttpClient Client { get; }

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

    /// <summary>Signs in through the login form; returns the answer to the post (302 on success).</summary>
    public Task<HttpPage> SignInAsync(string userName, string password = DefaultPassword) =>
        SubmitAsync("/Account/Login", ("Data.UserName", userName), ("Data.Password", password));

    /// <summary>Signs in and asserts that it worked.</summary>
    public async Task<HttpSession> SignedInAsync(TestUser user)
    {
        var answer = await SignInAsync(user.UserName);
        Assert.True(answer.Status == HttpStatusCode.Redirect, $"sign-in of {user.UserName} answered {(int)answer.Status}: {answer.Text}");
        return this;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A form of a page: method, action, its hidden inputs (values HTML-decoded) and its HTML.</summary>
public sealed record HtmlForm(string Method, string? Action, IReadOnlyList<(string Name, string Value)> Hidden, string Html);

/// <summary>One answer of the portal, with small helpers to read its HTML (no HTML library is available here).</summary>
public sealed partial class HttpPage
{
    private HttpPage(string url, HttpStatusCode status, string? location, string? mediaType, string body)
    {
        Url = url;
        Status = status;
        Location = location;
        MediaType = mediaType;
        Body = body;
    }

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

    public bool IsRedirect => Status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MovedPermanently;

    public static async Task<HttpPage> ReadAsync(string url, HttpResponseMessage response) =>
        new(
            url,
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync());

    /// <summary>All forms of the page.</summary>
    public IReadOnlyList<HtmlForm> Forms =>
        FormPattern().Matches(Body).Select(m =>
        {
            var attributes = Attributes(m.Groups["open"].Value);
            var inner = m.Groups["inner"].Value;
            var hidden = Inputs(inner)
                .Where(i => string.Equals(i.GetValueOrDefault("type"), "hidden", StringComparison.OrdinalIgnoreCase) && i.ContainsKey("name"))
                .Select(i => (i["name"], i.GetValueOrDefault("value") ?? ""))
                .ToList();
            return new HtmlForm(attributes.GetValueOrDefault("method") ?? "get", attributes.GetValueOrDefault("action"), hidden, m.Value);
        }).ToList();

    /// <summary>The form posting to <paramref name="action"/>, or (null) the first post form without an action.</summary>
    public HtmlForm Form(string? action = null)
    {
        var form = Forms.FirstOrDefault(f =>
            string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
            && (action is null ? string.IsNullOrEmpty(f.Action) : string.Equals(f.Action, action, StringComparison.OrdinalIgnoreCase)));
        Assert.True(form is not null, $"{Url} ({(int)Status}) has no post form with action '{action ?? "(none)"}'.");
        return form!;
    }

    /// <summary>The antiforgery token of a form (see <see cref="Form"/>), or null when the form has none.</summary>
    public string? Token(string? action = null) =>
        Form(action).Hidden.Where(h => h.Name == HttpSession.TokenField).Select(h => h.Value).FirstOrDefault();

    /// <summary>The value attribute of the first input named <paramref name="name"/> anywhere on the page.</summary>
    public string? InputValue(string name) =>
        Inputs(Body).FirstOrDefault(i => i.GetValueOrDefault("name") == name) is { } input ? input.GetValueOrDefault("value") : null;

    /// <summary>The HTML-decoded text inside the first element carrying <c>data-testid="…"</c>.</summary>
    public string? TestId(string id)
    {
        var match = Regex.Match(Body, $"<(?<tag>[a-z0-9]+)[^>]*data-testid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(TagPattern().Replace(match.Groups["inner"].Value, "")).Trim() : null;
    }

    /// <summary>The src of every script and the href of every link element.</summary>
    public IReadOnlyList<string> AssetReferences() =>
        ScriptOrLinkPattern().Matches(Body)
            .Select(m => Attributes(m.Value))
            .Select(a => a.GetValueOrDefault("src") ?? a.GetValueOrDefault("href"))
            .OfType<string>()
            .ToList();

    public override string ToString() => $"{(int)Status} {Url} → {Location}\n{Text}";

    private static IEnumerable<Dictionary<string, string>> Inputs(string html) =>
        InputPattern().Matches(html).Select(m => Attributes(m.Value));

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in AttributePattern().Matches(tag))
        {
            result.TryAdd(a.Groups["name"].Value, WebUtility.HtmlDecode(a.Groups["value"].Value));
        }

        return result;
    }

    [GeneratedRegex("(?<open><form\\b[^>]*>)(?<inner>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("<(script|link)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrLinkPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
