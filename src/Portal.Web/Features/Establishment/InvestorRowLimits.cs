using FluentValidation;

namespace Portal.Web.Features.Establishment;

/// <summary>An investor row never longer than its columns (name 100, 证件号码 18), in the draft and the submission.</summary>
public sealed class InvestorRowLimits : AbstractValidator<InvestorRow>
{
    public InvestorRowLimits()
    {
        RuleFor(r => r.Name).MaximumLength(100).WithMessage("股东（投资人）姓名或名称不能超过100个字。");
        RuleFor(r => r.IdentityNumber).MaximumLength(18).WithMessage("股东证件号码不能超过18位。");
    }
}
