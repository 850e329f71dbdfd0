using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

public static class SecondFactorSignIn
{
    public const string Refused = "验证码不正确：请输入身份验证器上当前显示的6位数字，或一个未使用过的恢复码。连续输错5次，账号将锁定15分钟。";

    public const string Expired = "登录已超时，请重新输入手机号/用户名和密码。";

    /// <summary>Not an <see cref="ICommand{TResult}"/>, like <see cref="SignIn.Command"/>: failed attempts must be counted.</summary>
    [PublicRequest]
    public sealed record Command : IRequest<SignIn.Result>
    {
        [Display(Name = "动态验证码或恢复码")]
        public string Code { get; init; } = "";

        [Display(Name = "登录后返回的页面")]
        public string? ReturnUrl { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage("请输入身份验证器上的6位动态验证码，或一个恢复码。")
                .MaximumLength(20).WithMessage("验证码过长。");
        }
    }

    /// <summary>6 digits are the authenticator's code (Identity accepts the codes of 90 seconds either side); anything else a recovery code, used once.</summary>
    public sealed class Handler(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, IAuditLog audit, CurrentUser me)
        : IRequestHandler<Command, SignIn.Result>
    {
        public async Task<SignIn.Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await signIn.GetTwoFactorAuthenticationUserAsync()
                ?? throw new ValidationFailedException("", Expired);
            SignIn.RefuseSecondPerson(me, user.UserName ?? "");
            // "123 456" as some apps show it; a recovery code as shown (XXXXX-XXXXX), in any case.
            var digits = new string(request.Code.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
            var authenticator = digits.Length == 6 && digits.All(char.IsAsciiDigit);
            var outcome = authenticator
                ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(new string(request.Code.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant());
            if (outcome.Succeeded)
            {
                if (!authenticator)
                {
                    var left = await users.CountRecoveryCodesAsync(user);
                    await audit.RecordAsync(SecurityEventType.RecoveryCodeUsed, AuditSubject.Of(user), $"剩余恢复码{left}个", cancellationToken);
                }

                await audit.RecordAsync(SecurityEventType.SignInSucceeded, AuditSubject.Of(user), authenticator ? "密码＋动态验证码" : "密码＋恢复码", cancellationToken);
                return new SignIn.Result(request.ReturnUrl ?? CurrentUser.HomePathFor(await users.GetRolesAsync(user)));
            }

            if (outcome.IsLockedOut)
            {
                await audit.RecordAsync(SecurityEventType.LockedOut, AuditSubject.Of(user), "动态验证码连续输错，账号锁定15分钟", cancellationToken);
                throw new ValidationFailedException("", Refused);
            }

            await audit.RecordAsync(SecurityEventType.SecondFactorFailed, AuditSubject.Of(user), authenticator ? "动态验证码错误" : "恢复码错误", cancellationToken);
            throw new ValidationFailedException("", Refused);
        }
    }
}
