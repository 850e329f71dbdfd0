using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

/// <summary>修改密码: the new password follows the portal's rule; the person's other sessions end.</summary>
public sealed class PasswordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ChangePassword.Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var ended = await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = ended == 0 ? "密码已修改。" : $"密码已修改，其他设备上的{ended}处登录已退出。";
        return RedirectToPage("/Account/Security");
    }
}

public static class ChangePassword
{
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "当前密码")]
        public string CurrentPassword { get; init; } = "";

        [Display(Name = "新密码")]
        public string NewPassword { get; init; } = "";

        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("请输入当前密码。").MaximumLength(PasswordPolicy.MaximumLength).WithMessage("密码过长。");
            RuleFor(c => c.NewPassword).NewPassword();
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("两次输入的新密码不一致。");
        }
    }

    /// <summary>Changes the password, ends the person's other sessions and keeps this one (with the new security stamp). Returns how many ended.</summary>
    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Sessions sessions, IAuditLog audit, CurrentUser me)
        : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
            if (!changed.Succeeded)
            {
                throw new ValidationFailedException(changed.Errors
                    .Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                        ? (nameof(Command.CurrentPassword), "当前密码不正确。")
                        : (nameof(Command.NewPassword), e.Description))
                    .ToList());
            }

            await audit.RecordAsync(SecurityEventType.PasswordChanged, AuditSubject.Of(user), null, cancellationToken);
            var ended = await sessions.EndOthersAsync(user.Id, cancellationToken);
            await signIn.RefreshSignInAsync(user);
            return ended;
        }
    }
}

public static class PasswordRules
{
    /// <summary>The rule of <see cref="PasswordPolicy"/> that the form can check at once (length and kinds); the guessability check runs when the password is set.</summary>
    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("请设置密码。")
            .MinimumLength(PasswordPolicy.MinimumLength).WithMessage(PasswordPolicy.TooShort)
            .MaximumLength(PasswordPolicy.MaximumLength).WithMessage("密码过长。")
            .Must(p => PasswordPolicy.Kinds(p) >= 3).WithMessage(PasswordPolicy.TooFewKinds);
}
