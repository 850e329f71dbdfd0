using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SignIn.Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    [Display(Name = "登录后返回的页面")]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Data, cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : result.HomePath);
    }
}

public static class SignIn
{
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
    }

    public sealed record Result(string HomePath);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).NotEmpty().WithMessage("请输入手机号或用户名。").MaximumLength(50).WithMessage("手机号或用户名过长。");
            RuleFor(c => c.Password).NotEmpty().WithMessage("请输入密码。").MaximumLength(100).WithMessage("密码过长。");
        }
    }

    /// <summary>Signs in with lockout after 5 failed attempts (15 minutes).</summary>
    public sealed class Handler(SignInManager<PortalUser> signIn, UserManager<PortalUser> users) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await users.FindByNameAsync(request.UserName.Trim());
            if (user is null)
            {
                throw new ValidationFailedException("", "手机号/用户名或密码不正确。");
            }

            var outcome = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
            if (outcome.IsLockedOut)
            {
                throw new ValidationFailedException("", "密码连续输错次数过多，账号已锁定15分钟，请稍后再试或拨打12345求助。");
            }

            if (!outcome.Succeeded)
            {
                var left = signIn.Options.Lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
                throw new ValidationFailedException("", $"手机号/用户名或密码不正确。再输错{left}次账号将被锁定15分钟。");
            }

            var roles = await users.GetRolesAsync(user);
            return new Result(CurrentUser.HomePathFor(roles));
        }
    }
}
