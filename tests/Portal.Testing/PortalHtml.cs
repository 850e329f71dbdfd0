using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Testing;

/// <summary>A form of a page: its method, action, hidden inputs (values as a browser submits them) and its HTML.</summary>
public sealed record HtmlForm(string Method, string? Action, IReadOnlyList<(string Name, string Value)> Hidden, string Html);

/// <summary>
/// One HTML answer of the portal, parsed once by AngleSharp (an HTML5 parser, as a browser parses the page): the
/// forms with their hidden fields and anti-forgery token, input values, <c>data-testid</c> elements, links and
/// tables. Character references are decoded by the parser, so every value is the text a person sees or a browser sends.
/// Used by the HTTP tests (tests/Portal.Web.Tests) and the fault tests (tests/Portal.Faults).
/// </summary>
public sealed class PortalHtml
{
    public const string TokenField = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    public PortalHtml(string html) => Document = Parser.ParseDocument(html);

    public IHtmlDocument Document { get; }

    /// <summary>Every form of the page, in document order.</summary>
    public IReadOnlyList<HtmlForm> Forms =>
        Document.Forms.Select(form => new HtmlForm(
                form.GetAttribute("method") ?? "get",
                form.GetAttribute("action"),
                form.QuerySelectorAll("input[name]")
                    .Where(i => string.Equals(i.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
                    .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
                    .ToList(),
                form.OuterHtml))
            .ToList();

    /// <summary>The post form whose action is <paramref name="action"/>, or (null) the first post form without an action; null when there is none.</summary>
    public HtmlForm? PostForm(string? action = null) =>
        Forms.FirstOrDefault(f =>
            string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)
            && (action is null ? string.IsNullOrEmpty(f.Action) : string.Equals(f.Action, action, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The anti-forgery token of a form's hidden fields, or null.</summary>
    public static string? TokenOf(HtmlForm form) =>
        form.Hidden.Where(h => h.Name == TokenField).Select(h => h.Value).FirstOrDefault();

    /// <summary>The value attribute of the first input named <paramref name="name"/> anywhere on the page.</summary>
    public string? InputValue(string name) =>
        Document.QuerySelectorAll("input").FirstOrDefault(i => i.GetAttribute("name") == name)?.GetAttribute("value");

    /// <summary>Whether the input named <paramref name="name"/> with value <paramref name="value"/> (a radio button or check box) is checked.</summary>
    public bool IsChecked(string name, string value) =>
        Document.QuerySelectorAll("input").Any(i => i.GetAttribute("name") == name && i.GetAttribute("value") == value && i.HasAttribute("checked"));

    /// <summary>Whether the option <paramref name="value"/> of the select named <paramref name="name"/> is selected.</summary>
    public bool IsSelected(string name, string value) =>
        Document.QuerySelectorAll("select").Where(s => s.GetAttribute("name") == name)
            .SelectMany(s => s.QuerySelectorAll("option"))
            .Any(o => o.GetAttribute("value") == value && o.HasAttribute("selected"));

    /// <summary>The text of the first text area named <paramref name="name"/>, or null.</summary>
    public string? TextAreaValue(string name) =>
        Document.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>().FirstOrDefault(t => t.Name == name)?.DefaultValue;

    /// <summary>The first element carrying <c>data-testid="…"</c>, or null.</summary>
    public IElement? ByTestId(string id) =>
        Document.QuerySelectorAll("[data-testid]").FirstOrDefault(e => e.GetAttribute("data-testid") == id);

    /// <summary>The text inside the first element carrying <c>data-testid="…"</c> (markup removed, trimmed), or null.</summary>
    public string? TestId(string id) => ByTestId(id)?.TextContent.Trim();

    /// <summary>The href of the first link carrying <c>data-testid="…"</c>, or null.</summary>
    public string? HrefOfTestId(string id) => ByTestId(id)?.GetAttribute("href");

    /// <summary>The hrefs of the links (a[href]) inside the elements matching <paramref name="selector"/> (the whole page by default), in order.</summary>
    public IReadOnlyList<string> Links(string selector = "html") =>
        Document.QuerySelectorAll(selector).SelectMany(e => e.QuerySelectorAll("a[href]")).Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>The src of every script and the href of every link element.</summary>
    public IReadOnlyList<string> AssetReferences() =>
        Document.QuerySelectorAll("script, link")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href"))
            .OfType<string>()
            .ToList();

    /// <summary>The cells' texts of each body row (tbody tr) of the table carrying <c>data-testid="…"</c>; null when there is no such table.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? TableRows(string testId) =>
        ByTestId(testId) is { } table
            ? table.QuerySelectorAll("tbody tr").Select(row => (IReadOnlyList<string>)row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList()
            : null;

    /// <summary>The texts of the elements matching <paramref name="selector"/> (markup removed, trimmed).</summary>
    public IReadOnlyList<string> Texts(string selector) =>
        Document.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

    /// <summary>
    /// Everything in the page that the portal's Content-Security-Policy would refuse to run or apply (and that a browser
    /// would report as a violation): a &lt;script&gt; with a body or without src, an event-handler attribute (<c>on…=</c>),
    /// a <c>style="…"</c> attribute or &lt;style&gt; element, and a <c>javascript:</c> address. Empty for a clean page.
    /// Inline SVG is checked like the rest of the document (its attributes are in the same DOM).
    /// </summary>
    public IReadOnlyList<string> InlineCode()
    {
        var found = new List<string>();
        foreach (var element in Document.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (name == "script" && (string.IsNullOrEmpty(element.GetAttribute("src")) || !string.IsNullOrWhiteSpace(element.TextContent)))
            {
                found.Add("inline <script>: " + Shorten(element.OuterHtml));
            }

            if (name == "style")
            {
                found.Add("<style> element: " + Shorten(element.OuterHtml));
            }

            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.LocalName.ToLowerInvariant();
                if (attributeName.StartsWith("on", StringComparison.Ordinal))
                {
                    found.Add($"<{name} {attribute.Name}=…> event handler");
                }
                else if (attributeName == "style")
                {
                    found.Add($"<{name} style=\"{Shorten(attribute.Value)}\">");
                }
                else if (attributeName is "href" or "src" or "action" or "formaction" or "xlink:href"
                    && attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"<{name} {attribute.Name}=\"javascript:…\">");
                }
            }
        }

        return found;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
