using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

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
