using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;

namespace Portal.Web.Features.Identity;

/// <summary>Verifies an account at the window: recorded with the clerk, their window and the time.</summary>
public static class VerifyAccount
{
    public const string Mismatch =
        "录入的姓名或身份证号与该账号登记的不一致，不能核验。账号登记的姓名和身份证号须与居民身份证完全一致；登记有误的，请申请人用正确信息重新注册后再核验。";

    [RequireRoles(Roles.Window)]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "账号")]
        public string UserId { get; init; } = "";

        [Display(Name = "身份证上的姓名")]
        public string FullName { get; init; } = "";

        [Display(Name = "身份证上的公民身份号码")]
        public string IdNumber { get; init; } = "";

        [Display(Name = "已核对身份证原件与本人相符")]
        public bool CardChecked { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.FullName).NotEmpty().WithMessage("请按身份证录入姓名。").MaximumLength(50).WithMessage("姓名不能超过50个字。");
            RuleFor(c => c.IdNumber).Custom((value, context) =>
            {
                if (ResidentIdNumber.Validate(value) is { } error)
                {
                    context.AddFailure(error);
                }
            });
            RuleFor(c => c.CardChecked).Equal(true).WithMessage("请先核对居民身份证原件与申请人本人相符。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, IdentityJournal journal, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == request.UserId, cancellationToken);
            var applicant = user is not null && await db.UserRoles.AnyAsync(
                r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Applicant), cancellationToken);
            if (user is null || !applicant)
            {
                throw new NotFoundException("未找到该申请人账号。");
            }

            if (!IdentityLevels.SamePerson(request.FullName, request.IdNumber, user.FullName, user.IdNumber))
            {
                throw new ValidationFailedException("", Mismatch);
            }

            if (user.Level.IsVerified())
            {
                throw new RuleViolationException([$"该账号{user.Level.Label()}，无需重复核验。"]);
            }

            var idNumber = user.IdNumber!;
            var other = await db.Users.AsNoTracking().Where(u => u.VerifiedIdNumber == idNumber && u.Id != user.Id)
                .Select(u => new { u.PhoneNumber, u.UserName }).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                throw new ValidationFailedException("", OneVerifiedAccount(other.PhoneNumber ?? other.UserName));
            }

            var clerk = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => new { u.FullName, u.WindowNumber }).SingleAsync(cancellationToken);
            var by = string.IsNullOrEmpty(clerk.WindowNumber) ? $"窗口工作人员{clerk.FullName}" : $"{clerk.FullName}（{clerk.WindowNumber}号窗口）";
            var now = time.GetUtcNow().UtcDateTime;
            user.MarkVerified(VerificationMethod.Window, now, me.Id, by);
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            journal.Record(
                new IdentityEvent(
                    user.Id, IdentityEventKind.Verified, now, me.Id, by,
                    $"窗口核验：核对居民身份证原件，姓名{PersonalData.MaskName(user.FullName)}，身份证号{PersonalData.MaskIdNumber(idNumber)}"),
                user.UserName);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw new ValidationFailedException("", OneVerifiedAccount(null));
            }

            return $"{user.FullName}（{PersonalData.MaskPhone(user.PhoneNumber ?? user.UserName)}）";
        }
    }

    /// <summary>The refusal when the ID number is already verified on another account: one person, one verified account.</summary>
    public static string OneVerifiedAccount(string? mobile) =>
        $"该身份证号已由另一个账号{(mobile is null ? "" : $"（手机号 {PersonalData.MaskPhone(mobile)}）")}完成实名核验：一人只能有一个已核验的账号，请使用该账号办理。";
}
