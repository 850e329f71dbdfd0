using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Portal.Web.Tests.Http;

namespace Portal.Web.Tests.Forms;

/// <summary>One input, select or textarea of a page's form, with its attributes (values HTML-decoded).</summary>
public sealed record FormField(string Tag, string Name, IReadOnlyDictionary<string, string> Attributes)
{
    public string Type => Tag == "input" ? Attributes.GetValueOrDefault("type") ?? "text" : Tag;

    public bool IsHidden => Type is "hidden" or "submit" or "button";

    /// <summary>The client-side rules: data-val-required → ("required", message, {}), data-val-range-max → param of "range".</summary>
    public IReadOnlyDictionary<string, (string Message, IReadOnlyDictionary<string, string> Parameters)> Rules =>
        Attributes.Keys.Where(k => k.StartsWith("data-val-", StringComparison.Ordinal) && k.Count(c => c == '-') == 2)
            .ToDictionary(
                k => k["data-val-".Length..],
                k => (Attributes[k], (IReadOnlyDictionary<string, string>)Attributes
                    .Where(a => a.Key.StartsWith(k + "-", StringComparison.Ordinal))
                    .ToDictionary(a => a.Key[(k.Length + 1)..], a => a.Value)));
}

/// <summary>Reads the fields of a page's post forms and the error messages it shows, from the page parsed by AngleSharp (<see cref="PortalHtml"/>).</summary>
public static partial class FormFields
{
    public static IReadOnlyList<FormField> Of(HttpPage page) =>
        page.Html.Document.Forms.Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .SelectMany(Fields)
            .ToList();

    /// <summary>The fields of one form of a page.</summary>
    public static IReadOnlyList<FormField> Of(HtmlForm form) =>
        new PortalHtml(form.Html).Document.Forms.SelectMany(Fields).ToList();

    /// <summary>The messages of the error summary and the ones shown beside fields.</summary>
    public static IReadOnlyList<string> Errors(HttpPage page)
    {
        var summary = page.Html.Document.QuerySelector("div.alert.alert-error[role=alert]");
        var listed = summary is null ? [] : summary.QuerySelectorAll("li").Select(li => li.TextContent.Trim());
        var beside = FieldErrors(page).Select(e => e.Message);
        return listed.Concat(beside).Where(t => t.Length > 0).ToList();
    }

    /// <summary>The messages shown beside the field named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> ErrorsBeside(HttpPage page, string name) =>
        FieldErrors(page).Where(e => e.For == name).Select(e => e.Message).ToList();

    /// <summary>A word of two or more Latin letters: a property name or an English sentence.</summary>
    public static bool HasLatinWord(string text) => LatinWord().IsMatch(text);

    private static IEnumerable<FormField> Fields(IElement form) =>
        form.QuerySelectorAll("input, select, textarea")
            .Select(e => new FormField(
                e.LocalName,
                e.GetAttribute("name") ?? "",
                e.Attributes.GroupBy(a => a.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().Value)))
            .Where(f => f.Name.Length > 0);

    private static IEnumerable<(string For, string Message)> FieldErrors(HttpPage page) =>
        page.Html.Document.QuerySelectorAll("span.field-validation-error[data-valmsg-for]")
            .Select(s => (s.GetAttribute("data-valmsg-for")!, s.TextContent.Trim()));

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
