using FluentValidation;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

public static class PasswordRules
{
    /// <summary>The rule of <see cref="PasswordPolicy"/> that the form can check at once (length and kinds); the guessability check runs when the password is set.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("请设置密码。")
            .MinimumLength(PasswordPolicy.MinimumLength).WithMessage(PasswordPolicy.TooShort)
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage("密码过长。")
            .Must(p => PasswordPolicy.Kinds(p) >= 3).WithMessage(PasswordPolicy.TooFewKinds);
}
