using System.Net;
using System.Text.RegularExpressions;
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

/// <summary>Reads the fields of a page's post forms and the error messages it shows (no HTML library is available here).</summary>
public static partial class FormFields
{
    public static IReadOnlyList<FormField> Of(HttpPage page) =>
        FieldPattern().Matches(string.Concat(page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)).Select(f => f.Html)))
            .Select(m =>
            {
                var attributes = AttributePattern().Matches(m.Value)
                    .GroupBy(a => a.Groups["name"].Value.ToLowerInvariant())
                    .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
                return new FormField(m.Groups["tag"].Value.ToLowerInvariant(), attributes.GetValueOrDefault("name") ?? "", attributes);
            })
            .Where(f => f.Name.Length > 0)
            .ToList();

    /// <summary>The messages of the error summary and the ones shown beside fields.</summary>
    public static IReadOnlyList<string> Errors(HttpPage page)
    {
        var summary = SummaryPattern().Match(page.Body);
        var listed = summary.Success ? ItemPattern().Matches(summary.Groups["list"].Value).Select(m => Text(m.Groups[1].Value)) : [];
        var beside = FieldErrors(page).Select(e => e.Message);
        return listed.Concat(beside).Where(t => t.Length > 0).ToList();
    }

    /// <summary>The messages shown beside the field named <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> ErrorsBeside(HttpPage page, string name) =>
        FieldErrors(page).Where(e => e.For == name).Select(e => e.Message).ToList();

    private static IEnumerable<(string For, string Message)> FieldErrors(HttpPage page) =>
        SpanPattern().Matches(page.Body)
            .Select(m => (Attributes: AttributePattern().Matches(m.Groups["attrs"].Value).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value)), Text: Text(m.Groups["text"].Value)))
            .Where(s => s.Attributes.GetValueOrDefault("class")?.Split(' ').Contains("field-validation-error") == true && s.Attributes.ContainsKey("data-valmsg-for"))
            .Select(s => (s.Attributes["data-valmsg-for"], s.Text));

    /// <summary>A word of two or more Latin letters: a property name or an English sentence.</summary>
    public static bool HasLatinWord(string text) => LatinWord().IsMatch(text);

    private static string Text(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, "")).Trim();

    [GeneratedRegex("<(?<tag>input|select|textarea)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<div class=\"alert alert-error\" role=\"alert\">(?<list>.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ItemPattern();

    [GeneratedRegex("<span\\b(?<attrs>[^>]*)>(?<text>.*?)</span>", RegexOptions.Singleline)]
    private static partial Regex SpanPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
