using FluentValidation;
using FluentValidation.AspNetCore;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Portal.Web.Common.Forms;

/// <summary>
/// A lower or an upper bound (<c>GreaterThanOrEqualTo</c> / <c>LessThanOrEqualTo</c> a constant) written for the browser
/// with its own message. FluentValidation.AspNetCore's own adapters write both bounds into one <c>data-val-range</c> rule
/// whose single message is the first bound's, so a registered capital of 1000亿元 and more was told "至少0.01万元" in the
/// browser. Here the range rule also carries <c>data-val-range-below</c> and <c>data-val-range-above</c>, each bound's
/// own message, and wwwroot-assets/js/validation.js shows the one that was broken.
/// </summary>
internal sealed class BoundClientRule(IValidationRule rule, IRuleComponent component, bool lower) : ClientValidatorBase(rule, component)
{
    public static void Register(FluentValidationClientModelValidatorProvider provider)
    {
        provider.Add(typeof(IGreaterThanOrEqualValidator), (_, rule, component) => new BoundClientRule(rule, component, lower: true));
        provider.Add(typeof(ILessThanOrEqualValidator), (_, rule, component) => new BoundClientRule(rule, component, lower: false));
    }

    public override void AddValidation(ClientModelValidationContext context)
    {
        if (((IComparisonValidator)Validator).ValueToCompare is not { } bound)
        {
            // Compared with another property: checked on the server only, as before.
            return;
        }

        var message = Message(bound);
        MergeAttribute(context.Attributes, "data-val", "true");
        MergeAttribute(context.Attributes, "data-val-range", message);
        MergeAttribute(context.Attributes, lower ? "data-val-range-min" : "data-val-range-max", Convert.ToString(bound, FormValidation.Chinese.NumberFormat) ?? "");
        MergeAttribute(context.Attributes, lower ? "data-val-range-below" : "data-val-range-above", message);
    }

    private string Message(object bound)
    {
        var formatter = ValidatorOptions.Global.MessageFormatterFactory()
            .AppendArgument("ComparisonValue", bound)
            .AppendPropertyName(Rule.GetDisplayName(null));
        string? template = null;
        try
        {
            template = Component.GetUnformattedErrorMessage();
        }
        catch (NullReferenceException)
        {
            // A message built from the validated object (WithMessage(c => …)) has no text without one.
        }

        template ??= ValidatorOptions.Global.LanguageManager.GetString(lower ? "GreaterThanOrEqualValidator" : "LessThanOrEqualValidator");
        return formatter.BuildMessage(template);
    }
}
