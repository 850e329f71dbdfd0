using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Faults.Support;

/// <summary>
/// One browser talking to a portal process over real HTTP: keeps its cookies, never follows a redirect by itself
/// (so every 302 is seen), reads the antiforgery token and hidden fields of a form and posts form fields back the way
/// a browser does.
/// </summary>
public sealed class WebSession : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";

    public const string Password = "portal2026";

    private readonly HttpClient client;

    public WebSession(string baseUrl, TimeSpan? timeout = null)
        : this(baseUrl, new CookieContainer(), timeout)
    {
    }

    /// <summary>
    /// A session that sends <paramref name="cookies"/> (shared with another session: the same browser talking to a
    /// second host behind a load balancer; cookies of 127.0.0.1 go to every port).
    /// </summary>
    public WebSession(string baseUrl, CookieContainer cookies, TimeSpan? timeout = null)
    {
        Cookies = cookies;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = timeout ?? TimeSpan.FromSeconds(90) };
    }

    public CookieContainer Cookies { get; }

    public async Task<WebAnswer> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        return await WebAnswer.ReadAsync(path, response, cancellationToken);
    }

    /// <summary>Posts exactly these fields, form-encoded.</summary>
    public async Task<WebAnswer> PostAsync(string path, IEnumerable<(string Name, string Value)> fields, CancellationToken cancellationToken = default)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await client.PostAsync(path, content, cancellationToken);
        return await WebAnswer.ReadAsync(path, response, cancellationToken);
    }

    /// <summary>
    /// Submits a form of <paramref name="page"/> as a browser does: its hidden fields (antiforgery token, expected
    /// version …) plus <paramref name="fields"/>, which win over hidden fields of the same name.
    /// </summary>
    public Task<WebAnswer> SubmitAsync(WebAnswer page, string? formAction, IEnumerable<(string Name, string Value)> fields, CancellationToken cancellationToken = default)
    {
        var form = page.Form(formAction);
        var given = fields.ToList();
        var names = given.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var target = form.Action is { Length: > 0 } action ? action : page.Path;
        return PostAsync(target, form.Hidden.Where(h => !names.Contains(h.Name)).Concat(given), cancellationToken);
    }

    /// <summary>Signs in through the login form and asserts it worked (302 away from the login page).</summary>
    public async Task SignInAsync(string userName, string password = Password)
    {
        var form = await GetAsync("/Account/Login");
        Assert.True(form.Status == 200, $"the login page answered {form.Status}: {form.Text}");
        var answer = await SubmitAsync(form, null, [("Data.UserName", userName), ("Data.Password", password)]);
        Assert.True(answer.IsRedirect, $"sign-in of {userName} answered {answer.Status}: {answer.Text}");
    }

    /// <summary>实名注册 through the registration form (the new applicant is signed in by it).</summary>
    public async Task RegisterAsync(string fullName, string idNumber, string mobile)
    {
        var form = await GetAsync("/Account/Register");
        var answer = await SubmitAsync(form, null,
        [
            ("Data.FullName", fullName),
            ("Data.IdNumber", idNumber),
            ("Data.Mobile", mobile),
            ("Data.Kind", "Citizen"),
            ("Data.EnterpriseName", ""),
            ("Data.Password", Password),
            ("Data.ConfirmPassword", Password),
        ]);
        Assert.True(answer.IsRedirect && answer.Location == "/Cases", $"registration of {mobile} answered {answer.Status} → {answer.Location}: {answer.Text}");
    }

    public void Dispose() => client.Dispose();
}

/// <summary>A form of a page: its method, action, hidden inputs (values HTML-decoded) and HTML.</summary>
public sealed record HtmlForm(string Method, string? Action, IReadOnlyList<(string Name, string Value)> Hidden, string Html);

/// <summary>One answer of the portal with small helpers to read its HTML.</summary>
public sealed partial class WebAnswer
{
    private WebAnswer(string path, int status, string? location, string body)
    {
        Path = path;
        Status = status;
        Location = location;
        Body = body;
    }

    /// <summary>The address that was requested.</summary>
    public string Path { get; }

    public int Status { get; }

    public string? Location { get; }

    public string Body { get; }

    /// <summary>The body with character references decoded.</summary>
    public string Text => WebUtility.HtmlDecode(Body);

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308;

    public static async Task<WebAnswer> ReadAsync(string path, HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(path, (int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(cancellationToken));

    /// <summary>The case number of a redirect to a case page (how a submission is acknowledged), else null.</summary>
    public string? CaseNumber => IsRedirect && Location is { } l && CasePath().Match(l) is { Success: true } m ? m.Groups[1].Value : null;

    public IReadOnlyList<HtmlForm> Forms =>
        FormPattern().Matches(Body).Select(m =>
        {
            var attributes = Attributes(m.Groups["open"].Value);
            var hidden = InputPattern().Matches(m.Groups["inner"].Value)
                .Select(i => Attributes(i.Value))
                .Where(i => string.Equals(i.GetValueOrDefault("type"), "hidden", StringComparison.OrdinalIgnoreCase) && i.ContainsKey("name"))
                .Select(i => (i["name"], i.GetValueOrDefault("value") ?? ""))
                .ToList();
            return new HtmlForm(attributes.GetValueOrDefault("method") ?? "get", attributes.GetValueOrDefault("action"), hidden, m.Value);
        }).ToList();

    /// <summary>The post form whose action is <paramref name="action"/>, or (null) the first post form without an action.</summary>
    public HtmlForm Form(string? action = null)
    {
        var form = Forms.FirstOrDefault(f =>
            string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
            && (action is null ? string.IsNullOrEmpty(f.Action) : string.Equals(f.Action, action, StringComparison.OrdinalIgnoreCase)));
        Assert.True(form is not null, $"{Path} ({Status}) has no post form with action '{action ?? "(none)"}':\n{Text}");
        return form!;
    }

    /// <summary>The HTML-decoded text inside the first element carrying <c>data-testid="…"</c>.</summary>
    public string? TestId(string id)
    {
        var match = Regex.Match(Body, $"<(?<tag>[a-z0-9]+)[^>]*data-testid=\"{Regex.Escape(id)}\"[^>]*>(?<inner>.*?)</\\k<tag>>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(TagPattern().Replace(match.Groups["inner"].Value, " ")).Trim() : null;
    }

    public override string ToString() => $"{Status} {Path} → {Location}\n{Text}";

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in AttributePattern().Matches(tag))
        {
            result.TryAdd(a.Groups["name"].Value, WebUtility.HtmlDecode(a.Groups["value"].Value));
        }

        return result;
    }

    [GeneratedRegex("^/Cases/([A-Z]+-[0-9]{8}-[0-9]{6})$")]
    private static partial Regex CasePath();

    [GeneratedRegex("(?<open><form\\b[^>]*>)(?<inner>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
