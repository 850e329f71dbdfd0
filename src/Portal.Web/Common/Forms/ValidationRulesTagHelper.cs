using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portal.Web.Common.Forms;

/// <summary>
/// Writes a field's client-side rules (<c>data-val-*</c>, from its validator) onto an input that cannot use
/// <c>asp-for</c>: one checkbox of a list (<c>Data.Utilities</c>), or a row's field in a table of forms.
/// <c>&lt;input type="checkbox" name="Data.Utilities" portal-rules-for="Data.Utilities" /&gt;</c>
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
public sealed class ValidationRulesTagHelper(ValidationHtmlAttributeProvider rules) : TagHelper
{
    private const string ForAttribute = "portal-rules-for";

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        rules.AddValidationAttributes(ViewContext, For.ModelExplorer, attributes);
        foreach (var (name, value) in attributes)
        {
            output.Attributes.SetAttribute(name, value);
        }
    }
}
