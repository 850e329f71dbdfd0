using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

public static class SignIn
{
    /// <summary>
    /// The one answer to a refused sign-in: a wrong password, a user name without an account and a locked account read
    /// the same, so the answer does not tell anyone which user names exist (nor how many attempts are left).
    /// </summary>
    public const string Refused = "手机号/用户名或密码不正确。连续输错5次密码，账号将锁定15分钟；如已锁定，请15分钟后再试，或拨打12345求助。";

    /// <summary>
    /// Not an <see cref="ICommand{TResult}"/>: a failed attempt must be counted (and kept) even though the request
    /// fails, otherwise the transaction would roll the lockout counter back.
    /// </summary>
    [PublicRequest]
    public sealed record Command : IRequest<Result>
    {
        [Display(Name = "手机号或用户名")]
        public string UserName { get; init; } = "";

        [Display(Name = "密码")]
        public string Password { get; init; } = "";

        /// <summary>Where to go afterwards (a local address checked by the page), or null for the person's home.</summary>
        [Display(Name = "登录后返回的页面")]
        public string? ReturnUrl { get; init; }
    }

    /// <summary>Where the browser goes next: the page asked for, the person's home, the second factor or its enrolment.</summary>
    public sealed record Result(string NextPath);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("请输入手机号或用户名。").MaximumLength(50).WithMessage("手机号或用户名过长。");
            RuleFor(c => c.Password).NotEmpty().WithMessage("请输入密码。").MaximumLength(100).WithMessage("密码过长。");
        }
    }

    /// <summary>
    /// Signs in with lockout after 5 failed attempts (15 minutes). A user name without an account costs the same
    /// password-hash check as an existing one (<see cref="DummyPassword"/>), and a locked account checks one too, so
    /// neither answers faster. Accounts with an authenticator continue to the second factor; staff without one are
    /// signed in with their staff roles held back until they enrol (<see cref="SecondFactor"/>).
    /// </summary>
    public sealed class Handler(
        SignInManager<PortalUser> signIn,
        UserManager<PortalUser> users,
        IPasswordHasher<PortalUser> hasher,
        IAuditLog audit,
        CurrentUser me) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var typed = request.UserName.Trim();
            RefuseSecondPerson(me, typed);
            var user = await users.FindByNameAsync(typed);
            if (user is null)
            {
                DummyPassword.Check(hasher, request.Password);
                await audit.RecordAsync(SecurityEventType.SignInFailed, AuditSubject.Unknown(typed), "账号不存在", cancellationToken);
                throw new ValidationFailedException("", Refused);
            }

            if (await users.IsLockedOutAsync(user))
            {
                DummyPassword.Check(hasher, request.Password);
                await audit.RecordAsync(SecurityEventType.SignInFailed, AuditSubject.Of(user), "账号锁定期间尝试登录", cancellationToken);
                throw new ValidationFailedException("", Refused);
            }

            var outcome = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
            if (outcome.RequiresTwoFactor)
            {
                return new Result(WithReturn("/Account/SecondFactor", request.ReturnUrl));
            }

            if (outcome.IsLockedOut)
            {
                await audit.RecordAsync(SecurityEventType.LockedOut, AuditSubject.Of(user), "连续输错5次密码，账号锁定15分钟", cancellationToken);
                throw new ValidationFailedException("", Refused);
            }

            if (!outcome.Succeeded)
            {
                await audit.RecordAsync(SecurityEventType.SignInFailed, AuditSubject.Of(user), "密码错误", cancellationToken);
                throw new ValidationFailedException("", Refused);
            }

            var roles = await users.GetRolesAsync(user);
            var staff = roles.Any(r => r != Domain.Organisation.Roles.Applicant);
            await audit.RecordAsync(SecurityEventType.SignInSucceeded, AuditSubject.Of(user), staff ? "密码（尚未绑定身份验证器，须先绑定）" : "密码", cancellationToken);
            return new Result(staff
                ? WithReturn(SecondFactor.EnrolPath, request.ReturnUrl ?? CurrentUser.HomePathFor(roles))
                : request.ReturnUrl ?? CurrentUser.HomePathFor(roles));
        }

        public static string WithReturn(string path, string? returnUrl) =>
            returnUrl is null ? path : $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    /// <summary>
    /// A browser that is signed in as one person is not signed in as a second one on top (the running session would be
    /// handed over to the second person): they sign out first. Only the session's own user name is compared, so this
    /// says nothing about other accounts.
    /// </summary>
    public static void RefuseSecondPerson(CurrentUser me, string userName)
    {
        if (me.IsSignedIn && !string.Equals(me.Principal.Identity?.Name, userName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationFailedException("", $"此浏览器已登录账号“{me.Principal.Identity?.Name}”，请先退出再登录其他账号。");
        }
    }
}
