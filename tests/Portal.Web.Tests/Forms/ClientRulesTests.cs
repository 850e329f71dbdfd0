using System.Globalization;
using System.Net;
using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Ratings;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Forms;

/// <summary>
/// The browser checks a form with exactly the rules of the server's validator: every field of every page form carries
/// the data-val-* rules that its validator's unconditional rules imply (same kind, same limit, same Chinese message),
/// and nothing else — no rule the server does not have, no English framework message.
/// </summary>
public sealed class ClientRulesTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    public static TheoryData<string, string?> Pages => new()
    {
        { "/Account/Register", null },
        { "/Account/Login", null },
        { "/Hall", null },
        { "/Appointments/CheckIn", null },
        { "/Establishment/Apply", Roles.Applicant },
        { "/Establishment/Apply", Roles.Window },
        { "/Connection/Apply", Roles.Applicant },
        { "/Connection/Apply", Roles.Window },
        { "/Promises/Edit", Roles.Admin },
        { "/Calendar/Manage", Roles.Admin },
        { "/Cases/{number}", Roles.Window },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_field_carries_exactly_the_client_rules_of_its_validator(string url, string? role)
    {
        using var session = new HttpSession(factory);
        if (role is not null)
        {
            await session.SignedInAsync(await factory.CreateUserAsync(role));
        }

        if (url.Contains("{number}", StringComparison.Ordinal))
        {
            url = url.Replace("{number}", await factory.SubmitCaseAsync(await factory.CreateUserAsync(Roles.Applicant)), StringComparison.Ordinal);
        }

        var page = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var checkedFields = await AssertRulesMatchAsync(page);
        Assert.True(checkedFields > 0, $"{url} has no form field bound to a page property");
    }

    [Fact]
    public async Task The_long_establishment_form_is_checked_in_the_browser()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Applicant));
        var fields = FormFields.Of(await session.GetAsync("/Establishment/Apply")).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.SelectMany(f => f.Rules.Keys).Distinct().Order().ToList());

        Assert.Equal(["maxlength", "required"], fields["Data.ProposedName"]);
        Assert.Equal(["number", "range", "required"], fields["Data.RegisteredCapital"]);
        var capital = FormFields.Of(await session.GetAsync("/Establishment/Apply")).First(f => f.Name == "Data.RegisteredCapital").Rules["range"].Parameters;
        Assert.Equal("注册资本至少0.01万元（100元），请核对单位（万元）。", capital["below"]);
        Assert.Equal("注册资本超过1000亿元，请核对单位（万元）。", capital["above"]);
        Assert.Equal(["maxlength", "required"], fields["Data.Address"]);
        Assert.Equal(["maxlength", "required"], fields["Data.LegalRepresentative"]);
        Assert.Equal(["maxlength", "required"], fields["Data.ContactName"]);
        Assert.Equal(["regex", "required"], fields["Data.ContactPhone"]);
    }

    [Fact]
    public async Task Rating_forms_carry_the_rules_of_their_validators()
    {
        await using var own = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(own);
        var number = await world.CompletedCaseAsync();
        var ticket = await world.DoneTicketAsync();

        using var visitor = new HttpSession(own);
        Assert.True(await AssertRulesMatchAsync(await visitor.GetAsync($"/Ratings/Visit/{ticket}"), own) > 0);
        using var applicant = await new HttpSession(own).SignedInAsync(world.Applicant);
        var rate = await applicant.GetAsync($"/Ratings/Case/{number}/Processing");
        Assert.Equal(HttpStatusCode.OK, rate.Status);
        await AssertRulesMatchAsync(rate, own);
    }

    /// <summary>Asserts the rules of every field of the page's post forms; returns how many fields were bound to a page property.</summary>
    private Task<int> AssertRulesMatchAsync(HttpPage page) => AssertRulesMatchAsync(page, factory);

    private static async Task<int> AssertRulesMatchAsync(HttpPage page, PortalFactory host)
    {
        var pageType = PageTypeOf(page);
        var count = 0;
        await host.Service(services =>
        {
            // A list of checkboxes (or a field repeated in a table of forms) is one field: its inputs' rules together.
            foreach (var inputs in FormFields.Of(page).GroupBy(f => f.Name))
            {
                var field = inputs.First();
                var actual = inputs.SelectMany(f => f.Rules).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First().Value);
                Assert.All(actual, r => Assert.False(FormFields.HasLatinWord(r.Value.Message), $"{page.Url} {field.Name}: data-val-{r.Key} says “{r.Value.Message}”"));
                if (Resolve(pageType, field.Name) is not { } target)
                {
                    Assert.True(actual.Count == 0, $"{page.Url} {field.Name} is not a bound field but has client rules {string.Join(", ", actual.Keys)}");
                    continue;
                }

                count++;
                var expected = ExpectedRules(services, target.Container, target.Property);
                var kinds = actual.Keys.Where(k => k != "number" || !IsFractional(target.Property.PropertyType)).Order().ToList();
                Assert.True(
                    expected.Keys.Order().SequenceEqual(kinds),
                    $"{page.Url} {field.Name}: the browser checks [{string.Join(", ", kinds)}], the validator of {target.Container.Name} has [{string.Join(", ", expected.Keys.Order())}]");
                foreach (var (kind, rule) in expected)
                {
                    var (message, parameters) = actual[kind];
                    if (rule.Message is { } fixedMessage)
                    {
                        Assert.Equal(fixedMessage, message);
                    }

                    foreach (var (name, value) in rule.Parameters)
                    {
                        Assert.True(parameters.TryGetValue(name, out var shown) && SameValue(shown, value), $"{page.Url} {field.Name}: data-val-{kind}-{name} is “{parameters.GetValueOrDefault(name)}”, the validator says “{value}”");
                    }
                }
            }

            return Task.FromResult(0);
        });
        return count;
    }

    private sealed record Rule(string? Message, Dictionary<string, string> Parameters);

    /// <summary>What FluentValidation's client adapters can carry: the unconditional rules of these kinds.</summary>
    private static Dictionary<string, Rule> ExpectedRules(IServiceProvider services, Type container, PropertyInfo property)
    {
        var result = new Dictionary<string, Rule>();
        if (services.GetService(typeof(IValidator<>).MakeGenericType(container)) is not IValidator validator)
        {
            return result;
        }

        foreach (var rule in validator.CreateDescriptor().GetRulesForMember(property.Name).Where(r => !r.HasCondition && !r.HasAsyncCondition))
        {
            foreach (var component in rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition))
            {
                (string Kind, Dictionary<string, string> Parameters)? client = component.Validator switch
                {
                    INotNullValidator or INotEmptyValidator => ("required", []),
                    IEmailValidator => ("email", []),
                    IRegularExpressionValidator regex => ("regex", new() { ["pattern"] = regex.Expression }),
                    IMaximumLengthValidator max => ("maxlength", new() { ["max"] = Invariant(max.Max) }),
                    IMinimumLengthValidator min => ("minlength", new() { ["min"] = Invariant(min.Min) }),
                    ILengthValidator length => ("length", new() { ["min"] = Invariant(length.Min), ["max"] = Invariant(length.Max) }),
                    IInclusiveBetweenValidator between => ("range", new() { ["min"] = Invariant(between.From), ["max"] = Invariant(between.To) }),
                    IGreaterThanOrEqualValidator atLeast => ("range", Bound("min", atLeast.ValueToCompare, "below", component)),
                    ILessThanOrEqualValidator atMost => ("range", Bound("max", atMost.ValueToCompare, "above", component)),
                    IEqualValidator { MemberToCompare: { } other } => ("equalto", new() { ["other"] = "*." + other.Name }),
                    _ => null,
                };
                if (client is { } c && !result.TryAdd(c.Kind, new Rule(FixedMessage(component), c.Parameters)))
                {
                    // Two rules of one kind (a lower and an upper bound): the browser has both bounds, each with its message.
                    foreach (var (name, value) in c.Parameters)
                    {
                        result[c.Kind].Parameters[name] = value;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>A bound of a range and, when its message is a fixed text, that message under its own name.</summary>
    private static Dictionary<string, string> Bound(string name, object? value, string messageName, IRuleComponent component)
    {
        var parameters = new Dictionary<string, string> { [name] = Invariant(value) };
        if (FixedMessage(component) is { } message)
        {
            parameters[messageName] = message;
        }

        return parameters;
    }

    /// <summary>The rule's message when it has no placeholders (a WithMessage text), else null.</summary>
    private static string? FixedMessage(IRuleComponent component)
    {
        try
        {
            var message = component.GetUnformattedErrorMessage();
            return message.Contains('{', StringComparison.Ordinal) ? null : message;
        }
        catch (NullReferenceException)
        {
            return null;
        }
    }

    private static string Invariant(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static bool SameValue(string shown, string expected) =>
        shown == expected || (decimal.TryParse(shown, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(expected, CultureInfo.InvariantCulture, out var b) && a == b);

    private static bool IsFractional(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(decimal) || t == typeof(double) || t == typeof(float));

    /// <summary>The page model of the page (the view names it in its data-page attribute is not available: match by the forms' fields).</summary>
    private static Type PageTypeOf(HttpPage page)
    {
        var path = new Uri("http://localhost" + page.Url).AbsolutePath.Trim('/');
        var route = path switch
        {
            "Hall" => "Hall.Index",
            "Connection/Apply" => "Connections.Apply",
            _ when path.StartsWith("Cases/", StringComparison.Ordinal) => "Cases.Details",
            _ when path.StartsWith("Ratings/Visit/", StringComparison.Ordinal) => "Ratings.Visit",
            _ when path.StartsWith("Ratings/Case/", StringComparison.Ordinal) => "Ratings.Rate",
            _ => path.Replace('/', '.'),
        };
        var name = $"Portal.Web.Features.{route}Model";
        return typeof(Program).Assembly.GetType(name) ?? throw new InvalidOperationException($"no page model {name}");
    }

    /// <summary>The property a form field binds to (Data.Investors[0].SharePercent → InvestorRow.SharePercent), or null.</summary>
    private static (Type Container, PropertyInfo Property)? Resolve(Type pageType, string fieldName)
    {
        var segments = fieldName.Split('.').Select(s => s.Split('[')[0]).ToList();
        var container = pageType;
        PropertyInfo? property = null;
        foreach (var segment in segments)
        {
            if (property is not null)
            {
                container = ElementType(property.PropertyType);
            }

            property = container.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                return null;
            }
        }

        return property is null || container == pageType ? null : (container, property);
    }

    private static Type ElementType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : type;
}
