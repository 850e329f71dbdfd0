using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

/// <summary>
/// 实名注册: name, 居民身份证号 (GB 11643 checksum) and mobile number; the mobile number is the user name.
/// The answer is the same whether an account was created or the ID number or mobile number has one already (then
/// nothing is created, the attempt is in the security audit log, and the notice on the sign-in page points the person
/// to their existing account and to recovery at a window): nobody can learn from it whether a citizen's ID number is
/// registered. Both paths hash the password once, so neither answers faster. The person then signs in.
/// </summary>
public static class Register
{
    [PublicRequest]
    public sealed record Command : ICommand<Unit>
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
            RuleFor(c => c.Password).NewPassword();
            RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("两次输入的密码不一致。");
        }
    }

    public sealed class Handler(UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, IAuditLog audit, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            // The name and ID number are only claimed here (未实名核验): several accounts may claim one ID number, and
            // nothing that binds a person or an enterprise trusts the claim until it is verified (one verified account
            // per ID number). Refusing a second claim would let whoever registers first block the real person, and
            // tell anyone whether a citizen's ID number is registered (docs/decisions/0016-identity-levels.md).
            var idNumber = ResidentIdNumber.Normalize(request.IdNumber);
            var mobile = request.Mobile.Trim();
            var user = new PortalUser
            {
                UserName = mobile,
                PhoneNumber = mobile,
                FullName = request.FullName.Trim(),
                IdNumber = idNumber,
                Kind = request.Kind,
                EnterpriseName = request.Kind == UserKind.Enterprise ? request.EnterpriseName?.Trim() : null,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };

            // The password's guessability is judged first, the same for everyone (it may not contain the person's own data).
            var weak = PasswordPolicy.Check(request.Password, user);
            if (weak.Count > 0)
            {
                throw new ValidationFailedException([.. weak.Select(m => (nameof(Command.Password), m))]);
            }

            var normalizedName = users.NormalizeName(mobile);
            var existing = await users.Users.AsNoTracking()
                .Where(u => u.NormalizedUserName == normalizedName)
                .Select(u => new { u.Id, u.UserName })
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                await AnswerAsExistingAsync(new AuditSubject(existing.Id, existing.UserName ?? ""), user, request.Password, cancellationToken);
                return Unit.Value;
            }

            var created = await users.CreateAsync(user, request.Password);
            if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                // Registered a moment ago by a request running alongside: the same answer as any existing account.
                await audit.RecordAsync(SecurityEventType.RegistrationDuplicate, AuditSubject.Unknown(mobile), "手机号已注册（同时提交）", cancellationToken);
                return Unit.Value;
            }

            if (!created.Succeeded)
            {
                throw new ValidationFailedException([.. created.Errors.Select(e => (e.Code == "PasswordPolicy" ? nameof(Command.Password) : "", e.Description))]);
            }

            await users.AddToRoleAsync(user, Roles.Applicant);
            await audit.RecordAsync(SecurityEventType.AccountCreated, AuditSubject.Of(user), "实名注册", cancellationToken);
            return Unit.Value;
        }

        /// <summary>Nothing is created; the password is hashed as creating the account would, and the attempt is recorded.</summary>
        private async Task AnswerAsExistingAsync(AuditSubject account, PortalUser candidate, string password, CancellationToken cancellationToken)
        {
            hasher.HashPassword(candidate, password);
            await audit.RecordAsync(
                SecurityEventType.RegistrationDuplicate,
                account,
                $"用该账号的手机号再次注册，未新建账号（填写的身份证号{PersonalData.MaskIdNumber(candidate.IdNumber)}、手机号{PersonalData.MaskPhone(candidate.PhoneNumber)}）",
                cancellationToken);
        }
    }
}
