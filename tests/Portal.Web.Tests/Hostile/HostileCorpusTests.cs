using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hostile;

/// <summary>
/// The hostile-input corpus (issue 16 part 9): every form of every page the portal maps (found from its endpoints, so
/// a new page is covered) and every query and route parameter of every GET endpoint that is not a page (from its handler's parameters) is fed each
/// value of <see cref="Corpus"/> — as an anonymous visitor, an applicant and a window clerk — and no answer is a
/// server error, and no refusal speaks English. Control and direction characters never reach the database.
/// </summary>
public sealed class HostileCorpusTests
{
    /// <summary>The inputs of issue 16's probe, and the XSS, formula and SQL-like payloads.</summary>
    public static readonly string[] Corpus =
    [
        "",
        " \u3000 ",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "=HYPERLINK(\"http://evil.example\",\"点我\")",
        "+cmd|' /C calc'!A0",
        "'; DROP TABLE Cases; --",
        "1' OR '1'='1",
        "99999999999",
        "1e20",
        "NaN",
        "-1",
        "2147483648",
        "0001-01-01",
        "9999-12-31",
        "notadate",
        "枣庄\u200B青禾\u00AD科技\uFEFF有限公司",
        "货款\u0000未结清\u0001\u202E反向",
        "../../etc/passwd",
        "%00%0d%0a",
        new string('长', 12_000),
    ];

    private static readonly string[] English = ["The field", "is required", "is invalid", "is not valid", "must be", "Exception", "The value", "Bad Request"];

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Window)]
    public async Task Every_form_of_every_page_answers_every_hostile_value_without_a_server_error(string? role)
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var notice = await world.StartSimpleInNoticeAsync();
        using var session = new HttpSession(factory);
        if (role is not null)
        {
            await session.SignedInAsync(await factory.CreateUserAsync(role));
        }

        var failures = new List<string>();
        var forms = 0;
        foreach (var url in PageUrls(factory).Append($"/Notices/{notice}"))
        {
            var page = await session.GetAsync(url);
            Check(page, $"GET {url}", failures);
            if (page.Status != HttpStatusCode.OK || page.MediaType != "text/html")
            {
                continue;
            }

            foreach (var (form, index) in page.Forms.Select((f, i) => (f, i)))
            {
                var target = form.Action is { Length: > 0 } action ? action : url;
                if (target.Contains("Logout", StringComparison.OrdinalIgnoreCase) || target.Contains("TextSize", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var fields = VisibleFields(form.Html);
                if (fields.Count == 0)
                {
                    continue;
                }

                forms++;
                foreach (var value in Corpus)
                {
                    // A fresh form each time: a stored submission or a refused one may change its hidden fields.
                    var fresh = (await session.GetAsync(url)).Forms.ElementAtOrDefault(index) ?? form;
                    var typed = fields.Select(f => (f, value)).ToArray();
                    HttpPage answer;
                    if (string.Equals(fresh.Method, "get", StringComparison.OrdinalIgnoreCase))
                    {
                        var query = string.Join("&", typed.Select(t => $"{Uri.EscapeDataString(t.f)}={Uri.EscapeDataString(t.value)}"));
                        answer = await session.GetAsync($"{target.Split('?')[0]}?{query}");
                    }
                    else
                    {
                        var names = fields.ToHashSet(StringComparer.Ordinal);
                        answer = await session.PostAsync(target, [.. fresh.Hidden.Where(h => !names.Contains(h.Name)), .. typed]);
                    }

                    Check(answer, $"{fresh.Method.ToUpperInvariant()} {target} [{string.Join(",", fields)}] = {Shown(value)}", failures);
                }
            }
        }

        Assert.True(forms >= 3, $"only {forms} forms found: the corpus would test nothing");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await AssertNothingHiddenStoredAsync(factory);
    }

    [Fact]
    public async Task Every_query_parameter_of_every_api_answers_every_hostile_value_without_a_server_error()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var session = new HttpSession(factory);
        var failures = new List<string>();
        var parameters = 0;
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                && e.Metadata.GetMetadata<MethodInfo>() is not null))
        {
            var pattern = endpoint.RoutePattern;
            var names = endpoint.Metadata.GetMetadata<MethodInfo>()!.GetParameters()
                .Where(p => IsSimple(p.ParameterType) && p.Name is not null)
                .Select(p => p.Name!)
                .Concat(pattern.Parameters.Select(p => p.Name))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            foreach (var parameter in names)
            {
                parameters++;
                var inRoute = pattern.Parameters.Any(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase));
                foreach (var value in Corpus)
                {
                    if (inRoute && value.Contains('\0'))
                    {
                        // A path with %00 never reaches the portal: the server refuses it before routing.
                        continue;
                    }

                    var url = "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternParameterPart route => Uri.EscapeDataString(string.Equals(route.Name, parameter, StringComparison.OrdinalIgnoreCase) ? value : "1"),
                        _ => "",
                    }))));
                    if (!inRoute)
                    {
                        url += $"?{Uri.EscapeDataString(parameter)}={Uri.EscapeDataString(value)}";
                    }

                    Check(await session.GetAsync(url), $"GET {pattern.RawText} {parameter}={Shown(value)}", failures);
                }
            }
        }

        Assert.True(parameters >= 5, $"only {parameters} API parameters found: the corpus would test nothing");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid);
    }

    private static void Check(HttpPage answer, string what, List<string> failures)
    {
        if ((int)answer.Status >= 500)
        {
            failures.Add($"{what} → {(int)answer.Status}");
            return;
        }

        if ((int)answer.Status >= 400 && !answer.IsRedirect)
        {
            var text = answer.MediaType == "text/html" ? answer.Html.Document.QuerySelector("main")?.TextContent ?? answer.Text : answer.Text;
            if (!System.Text.RegularExpressions.Regex.IsMatch(text, "\\p{IsCJKUnifiedIdeographs}"))
            {
                failures.Add($"{what} → {(int)answer.Status} without a Chinese word: {Shown(text)}");
            }
            else if (English.FirstOrDefault(e => text.Contains(e, StringComparison.Ordinal)) is { } english)
            {
                failures.Add($"{what} → {(int)answer.Status} speaks English (“{english}”): {Shown(text)}");
            }
        }
    }

    /// <summary>The names a person types or chooses in a form: text inputs, textareas, selects (not hidden, buttons, files or passwords).</summary>
    private static List<string> VisibleFields(string formHtml)
    {
        var document = new HtmlParser().ParseDocument(formHtml);
        return document.QuerySelectorAll("input[name], textarea[name], select[name]")
            .Where(e => e.GetAttribute("type")?.ToLowerInvariant() is not ("hidden" or "submit" or "button" or "file" or "password" or "checkbox" or "radio"))
            .Select(e => e.GetAttribute("name")!)
            .Where(n => n != HttpSession.TokenField)
            .Distinct()
            .ToList();
    }

    /// <summary>The pages the portal maps without route values (pages with a route value are reached through the world: a notice).</summary>
    private static IEnumerable<string> PageUrls(PortalFactory factory)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.All(p => p.IsOptional))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(u => !u.StartsWith("/Errors", StringComparison.Ordinal) && !u.Contains("Logout", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>No text column of any table holds a control or direction-override character after the corpus ran.</summary>
    private static async Task AssertNothingHiddenStoredAsync(PortalFactory factory)
    {
        var hidden = await factory.WithDb(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
            {
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT \"{property.GetColumnName()}\" FROM \"{entity.GetTableName()}\" WHERE \"{property.GetColumnName()}\" IS NOT NULL";
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        var value = reader.GetString(0);
                        if (value.Any(c => (char.IsControl(c) && c is not '\n' and not '\r' and not '\t') || c is '\u202E' or '\u200B'))
                        {
                            found.Add($"{entity.GetTableName()}.{property.GetColumnName()}: {Shown(value)}");
                        }
                    }
                }
            }

            return found;
        });

        Assert.True(hidden.Count == 0, "stored with hidden characters:\n" + string.Join("\n", hidden.Distinct()));
    }

    private static string Shown(string value)
    {
        var escaped = string.Concat(value.Take(60).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? $"\\u{(int)c:X4}" : c.ToString()));
        return value.Length > 60 ? escaped + $"…({value.Length})" : escaped;
    }
}
