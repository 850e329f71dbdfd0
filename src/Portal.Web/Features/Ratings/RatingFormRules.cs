using FluentValidation;
using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// The rating form's rules, every problem reported at once beside its indicator (the domain's <see cref="Rating.Give"/>
/// checks them again and stops at the first). Included by the two rating commands' validators (an inline validator,
/// so that the validator scan does not register it on its own).
/// </summary>
public static class RatingFormRules
{
    public static IValidator<RatingForm> For(IReadOnlyList<RatingIndicator> indicators, bool askContact)
    {
        var rules = new InlineValidator<RatingForm>();
        foreach (var indicator in indicators)
        {
            rules.RuleFor(f => f.Scores).Must(scores => scores.TryGetValue(indicator.Code, out var level) && Enum.IsDefined(level))
                .OverridePropertyName($"{nameof(RatingForm.Scores)}[{indicator.Code}]")
                .WithMessage(MissingLevel(indicator));
        }

        rules.RuleFor(f => f.Scores).Must(scores => scores.Keys.All(code => indicators.Any(i => i.Code == code))).WithMessage("评价指标不正确。");
        rules.RuleFor(f => f.Comment).MaximumLength(RatingScale.MaxComment).WithMessage($"评价内容不能超过{RatingScale.MaxComment}字。");
        rules.RuleFor(f => f.Comment).NotEmpty().When(f => f.Scores.TryGetValue("overall", out var overall) && overall.IsBad())
            .WithMessage("差评请写明不满意的原因，便于核实整改。");
        if (askContact)
        {
            rules.RuleFor(f => f.Name).NotEmpty().When(f => !f.Anonymous).WithMessage("实名评价请填写姓名。");
            rules.RuleFor(f => f.Name).MaximumLength(50).WithMessage("姓名不能超过50字。");
            rules.RuleFor(f => f.Phone).Must(phone => phone?.Trim() is { Length: 11 } p && p[0] == '1' && p.All(char.IsAsciiDigit)).When(f => !f.Anonymous)
                .WithMessage("实名评价请填写11位手机号码，以便回访。");
        }

        return rules;
    }

    public static string MissingLevel(RatingIndicator indicator) => $"请为“{indicator.Label}”选择评价等级。";
}
