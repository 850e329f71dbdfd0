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
    public const string TokenField = PortalHtml.TokenField;

    public const string Password = Portal.Web.Setup.Seeding.DemoData.Password;

    /// <summary>
    /// The authenticator keys bound by sessions of this test run (by user name): fault tests run the portal in
    /// Production, where demo staff have none until they bind one at their first sign-in. A test's first sign-in of
    /// a staff account binds one (its database is new), later ones use its key.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.OrdinalIgnoreCase);

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
    /// Posts these fields and files as multipart/form-data, the way a browser sends a form with file inputs
    /// (<c>enctype="multipart/form-data"</c>); each file goes under its input's name.
    /// </summary>
    public async Task<WebAnswer> PostMultipartAsync(
        string path,
        IEnumerable<(string Name, string Value)> fields,
        IEnumerable<(string Name, string FileName, byte[] Content, string MediaType)> files,
        CancellationToken cancellationToken = default)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, bytes, mediaType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            content.Add(part, name, fileName);
        }

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

    /// <summary>
    /// Signs in through the login form — staff also through the second factor, binding an authenticator first when
    /// the account has none (reading the key from the page, as a person scans it) — and asserts it worked.
    /// </summary>
    public async Task SignInAsync(string userName, string password = Password)
    {
        var form = await GetAsync("/Account/Login");
        Assert.True(form.Status == 200, $"the login page answered {form.Status}: {form.Text}");
        var answer = await SubmitAsync(form, null, [("Data.UserName", userName), ("Data.Password", password)]);
        Assert.True(answer.IsRedirect, $"sign-in of {userName} answered {answer.Status}: {answer.Text}");
        if (answer.Location?.StartsWith("/Account/SecondFactor", StringComparison.Ordinal) == true)
        {
            Assert.True(Keys.TryGetValue(userName, out var key), $"{userName} has an authenticator that this test run did not bind.");
            var step = await GetAsync(answer.Location);
            answer = await SubmitAsync(step, null, [("Data.Code", Authenticator.Code(key!))]);
            Assert.True(answer.IsRedirect, $"the second factor of {userName} answered {answer.Status}: {answer.Text}");
        }
        else if (answer.Location?.StartsWith("/Account/Authenticator", StringComparison.Ordinal) == true)
        {
            var enrol = await GetAsync(answer.Location);
            var key = Authenticator.Normalize(enrol.Html.TestId("authenticator-key") ?? "");
            Keys[userName] = key;
            answer = await SubmitAsync(enrol, null, [("Data.Code", Authenticator.Code(key))]);
            Assert.True(answer.IsRedirect, $"binding the authenticator of {userName} answered {answer.Status}: {answer.Text}");
            Assert.Equal(200, (await GetAsync(answer.Location!)).Status);
        }
    }

    /// <summary>实名注册 through the registration form, then signing in as the new applicant.</summary>
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
        Assert.True(answer.IsRedirect && answer.Location == "/Account/Login?Registered=True", $"registration of {mobile} answered {answer.Status} → {answer.Location}: {answer.Text}");

        // Registration signs nobody in (its answer is the same for an existing account): the new applicant signs in.
        await SignInAsync(mobile);
    }

    public void Dispose() => client.Dispose();
}

/// <summary>One answer of the portal; its HTML is read with the shared AngleSharp reader (<see cref="PortalHtml"/>).</summary>
public sealed partial class WebAnswer
{
    private PortalHtml? html;

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

    /// <summary>The body parsed as HTML (once).</summary>
    public PortalHtml Html => html ??= new PortalHtml(Body);

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308;

    public static async Task<WebAnswer> ReadAsync(string path, HttpResponseMessage response, CancellationToken cancellationToken) =>
        new(path, (int)response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync(cancellationToken));

    /// <summary>The case number of a redirect to a case page (how a submission is acknowledged), else null.</summary>
    public string? CaseNumber => IsRedirect && Location is { } l && CasePath().Match(l) is { Success: true } m ? m.Groups[1].Value : null;

    public IReadOnlyList<HtmlForm> Forms => Html.Forms;

    /// <summary>The post form whose action is <paramref name="action"/>, or (null) the first post form without an action.</summary>
    public HtmlForm Form(string? action = null)
    {
        var form = Html.PostForm(action);
        Assert.True(form is not null, $"{Path} ({Status}) has no post form with action '{action ?? "(none)"}':\n{Text}");
        return form!;
    }

    /// <summary>The text inside the first element carrying <c>data-testid="…"</c> (markup removed, trimmed).</summary>
    public string? TestId(string id) => Html.TestId(id);

    public override string ToString() => $"{Status} {Path} → {Location}\n{Text}";

    /// <summary>A case page's address (not HTML: the Location header of a redirect).</summary>
    [GeneratedRegex("^/Cases/([A-Z]+-[0-9]{8}-[0-9]{6})$")]
    private static partial Regex CasePath();
}
