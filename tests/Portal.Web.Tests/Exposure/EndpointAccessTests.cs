using System.Net;
using Portal.Web.Setup;
using Portal.Web.Tests.Http;

namespace Portal.Web.Tests.Exposure;

/// <summary>
/// Issue 16 part 9: every endpoint the portal maps (pages, their handlers, APIs, downloads) × every role against one
/// explicit table (<see cref="EndpointTable"/>). A page, handler or API added without a row fails the build; so does a
/// row whose endpoint is gone. On the way, every answer is checked for the security headers and every HTML page for
/// inline script, event-handler attributes and inline style (which the Content-Security-Policy would refuse).
/// </summary>
public sealed class EndpointAccessTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    public static TheoryData<string> Roles() => [.. AccessWorld.Roles];

    [Fact]
    public async Task Every_mapped_endpoint_has_exactly_one_row_in_the_table_and_every_row_is_mapped()
    {
        var mapped = await MappedEndpoints.ListAsync(world.Factory.Services);
        var rows = EndpointTable.Rows.Select(r => r.Endpoint).ToList();

        var duplicates = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = mapped.Except(rows).ToList();
        var gone = rows.Except(mapped).ToList();

        Assert.True(
            duplicates.Count == 0 && missing.Count == 0 && gone.Count == 0,
            (missing.Count > 0
                ? "Endpoints without a row in EndpointTable — add one, deciding who may call it and what everyone else gets. What each "
                  + "role gets today (check every answer before you copy it; the address asked may need a row-specific Url):\n  "
                  + string.Join("\n  ", await ObservedRowsAsync(missing)) + "\n"
                : "")
            + (gone.Count > 0 ? "Rows for endpoints the portal no longer maps:\n  " + string.Join("\n  ", gone) + "\n" : "")
            + (duplicates.Count > 0 ? "Endpoints with more than one row:\n  " + string.Join("\n  ", duplicates) : ""));
    }

    [Fact]
    public void Every_row_gives_an_answer_for_every_role()
    {
        Assert.All(EndpointTable.Rows, row => Assert.All(AccessWorld.Roles, role => Assert.NotNull(row.Expected(role))));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_endpoint_answers_the_role_as_the_table_says_with_the_security_headers_and_no_inline_code(string role)
    {
        using var session = await SessionAsync(role);
        var token = (await session.GetAsync("/")).Token("/Home/TextSize") ?? throw new InvalidOperationException("no anti-forgery token on the home page");
        var wrong = new List<string>();
        var unsafeAnswers = new List<string>();
        // Rows that end or change the person's sessions (ending the others ends this one too) come last, each in its own session.
        foreach (var row in EndpointTable.Rows.OrderBy(r => OwnSession.Contains(r.Endpoint)))
        {
            var url = row.UrlFor(world.Values);
            HttpPage answer;
            if (row.Method == "GET")
            {
                answer = await session.GetAsync(url);
            }
            else if (OwnSession.Contains(row.Endpoint))
            {
                // Signing out, resetting one's authenticator and the like end or change this session: each gets its own.
                using var own = await SessionAsync(role);
                var ownToken = (await own.GetAsync("/")).Token("/Home/TextSize")!;
                answer = await own.PostAsync(url, (HttpSession.TokenField, ownToken));
            }
            else
            {
                answer = await session.PostAsync(url, (HttpSession.TokenField, token));
            }

            var actual = Classify(answer);
            var expected = row.Expected(role);
            var defect = EndpointTable.KnownDefectOf(row.Endpoint, role);
            if (actual != expected && !(defect is not null && actual == defect.Today))
            {
                wrong.Add($"{row.Endpoint} ({url}): expected {expected}, got {actual}");
            }
            else if (actual == expected && defect is not null)
            {
                wrong.Add($"{row.Endpoint} ({url}): answers {expected} now — remove it from EndpointTable.KnownDefects (issue {defect.Issue})");
            }

            if (answer.Status != HttpStatusCode.InternalServerError)
            {
                unsafeAnswers.AddRange(WebSecurityChecks.Problems(answer).Select(p => $"{row.Endpoint} ({url}, {(int)answer.Status}): {p}"));
            }
        }

        Assert.True(wrong.Count == 0, $"As {role}:\n  " + string.Join("\n  ", wrong));
        Assert.True(unsafeAnswers.Count == 0, $"As {role}:\n  " + string.Join("\n  ", unsafeAnswers));
    }

    /// <summary>Rows written from what each role gets today, for the failure message of a missing row.</summary>
    private async Task<IReadOnlyList<string>> ObservedRowsAsync(IReadOnlyList<string> endpoints)
    {
        var answers = endpoints.ToDictionary(e => e, _ => new List<string>());
        foreach (var role in AccessWorld.Roles)
        {
            using var session = await SessionAsync(role);
            var token = (await session.GetAsync("/")).Token("/Home/TextSize")!;
            foreach (var endpoint in endpoints)
            {
                var row = new EndpointTable.Row(endpoint, "");
                var url = row.UrlFor(world.Values);
                var answer = row.Method == "GET" ? await session.GetAsync(url) : await session.PostAsync(url, (HttpSession.TokenField, token));
                answers[endpoint].Add(Classify(answer));
            }
        }

        return endpoints.Select(e =>
        {
            var people = string.Join(" ", answers[e].Take(6).Select(a => a.PadRight(5)));
            var reviewers = AccessWorld.Roles.Skip(6).Zip(answers[e].Skip(6)).ToList();
            var usual = reviewers.GroupBy(r => r.Second).OrderByDescending(g => g.Count()).First().Key;
            var exceptions = reviewers.Where(r => r.Second != usual).Select(r => $" {r.First}={r.Second}");
            return $"new(\"{e}\", \"{people} | {usual}{string.Concat(exceptions)}\"),";
        }).ToList();
    }

    /// <summary>Endpoints that end or change the session that calls them (the rest of the table would be asked signed out or half signed in).</summary>
    private static readonly HashSet<string> OwnSession =
    [
        "POST /Account/Logout",
        "POST /Account/Password",
        "POST /Account/Authenticator",
        "POST /Account/Security?handler=Disable",
        "POST /Account/Security?handler=EndOthers",
        "POST /Account/Security?handler=RenewCodes",
        "POST /Account/Security?handler=ResetAuthenticator",
    ];

    private async Task<HttpSession> SessionAsync(string role)
    {
        var session = new HttpSession(world.Factory);
        if (world.People[role] is { } person)
        {
            await session.SignedInAsync(person);
        }

        return session;
    }

    /// <summary>The answer as the table writes it: 200, login (sent to sign in), 403 (refused, or sent to 无权访问), 404, 302 (sent elsewhere), or the status.</summary>
    public static string Classify(HttpPage answer)
    {
        if (answer.IsRedirect)
        {
            var target = answer.RedirectPath ?? "";
            return target.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "login"
                : target.StartsWith("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) ? "403"
                : "302";
        }

        return ((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What every answer of the portal must carry, and what no page may contain (issue 16 part 6).</summary>
public static class WebSecurityChecks
{
    public static IEnumerable<string> Problems(HttpPage answer)
    {
        if (answer.Header("Content-Security-Policy") != WebSecurity.ContentSecurityPolicy)
        {
            yield return $"Content-Security-Policy is '{answer.Header("Content-Security-Policy")}'";
        }

        if (answer.Header("X-Content-Type-Options") != "nosniff")
        {
            yield return "no X-Content-Type-Options: nosniff";
        }

        if (answer.Header("Referrer-Policy") != "no-referrer")
        {
            yield return "no Referrer-Policy: no-referrer";
        }

        if (answer.Header("X-Frame-Options") != "DENY")
        {
            yield return $"X-Frame-Options is '{answer.Header("X-Frame-Options")}'";
        }

        if (answer.Header("Server") is { } server)
        {
            yield return $"Server banner '{server}'";
        }

        if (answer.Header("Cache-Control") is not { } cache || !cache.Contains("no-store", StringComparison.Ordinal))
        {
            yield return $"Cache-Control is '{answer.Header("Cache-Control")}', not no-store";
        }

        if (answer.Status == HttpStatusCode.OK && answer.MediaType == "text/html")
        {
            foreach (var code in answer.Html.InlineCode())
            {
                yield return code;
            }
        }
    }
}
