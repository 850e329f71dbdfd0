using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Account;

[AllowAnonymous]
public sealed class RegisterModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Register.Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        return Redirect("/Cases");
    }
}

/// <summary>实名注册: name, 居民身份证号 (GB 11643 checksum) and mobile number; the mobile number is the user name.</summary>
public static class Register
{
    [PublicRequest]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "姓名")]
        public string FullName { get; init; } = "";

        [Display(Name = "居民身份证号")]
        public string IdNumber { get; init; } = "";

        [Display(Name = "手机号")]
        public string Mobile { get; init; } = "";

        [Display(Name = "申请人类型")]
        public UserKind Kind { get; init; } = UserKind.Citizen;

        [Display(Name = "企业名称")]
        public string? EnterpriseName { get; init; }

        [Display(Name = "密码")]
        public string Password { get; init; } = "";

        [Display(Name = "确认密码")]
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(c => c.FullName).NotEmpty().WithMessage("请填写姓名。")
                .MaximumLength(50).WithMessage("姓名不能超过50个字。");
            RuleFor(c => c.IdNumber).Custom((value, context) =>
            {
                if (ResidentIdNumber.Validate(value, ResidentIdNumber.TodayInChina(time.GetUtcNow())) is { } error)
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.Mobile).NotEmpty().WithMessage("请填写手机号。")
                .Matches("^1[3-9][0-9]{9}$").WithMessage("手机号应为11位中国大陆手机号码。");
            RuleFor(c => c.Kind).Must(k => k is UserKind.Citizen or UserKind.Enterprise).WithMessage("请选择申请人类型。");
            RuleFor(c => c.EnterpriseName).NotEmpty().When(c => c.Kind == UserKind.Enterprise).WithMessage("企业申请人请填写企业名称。")
                .MaximumLength(100).WithMessage("企业名称不能超过100个字。");
            RuleFor(c => c.Password).NotEmpty().WithMessage("请设置密码。")
                .MinimumLength(8).WithMessage("密码至少需要8位。")
                .Matches("[0-9]").WithMessage("密码必须包含数字。")
                .Matches("[a-z]").WithMessage("密码必须包含小写字母。")
                .MaximumLength(100).WithMessage("密码过长。");
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("两次输入的密码不一致。");
        }
    }

    public sealed class Handler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var idNumber = ResidentIdNumber.Normalize(request.IdNumber);
            if (users.Users.Any(u => u.IdNumber == idNumber))
            {
                throw new ValidationFailedException(nameof(Command.IdNumber), "该身份证号已注册，请直接登录；如忘记密码请到窗口办理。");
            }

            var user = new PortalUser
            {
                UserName = request.Mobile.Trim(),
                PhoneNumber = request.Mobile.Trim(),
                FullName = request.FullName.Trim(),
                IdNumber = idNumber,
                Kind = request.Kind,
                EnterpriseName = request.Kind == UserKind.Enterprise ? request.EnterpriseName?.Trim() : null,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                throw new ValidationFailedException(created.Errors.Select(e => (e.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(Command.Mobile) : "", e.Description)).ToList());
            }

            await users.AddToRoleAsync(user, Roles.Applicant);
            await signIn.SignInAsync(user, isPersistent: false);
            return user.Id;
        }
    }
}
