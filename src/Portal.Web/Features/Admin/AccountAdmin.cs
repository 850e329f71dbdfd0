using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Account;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Admin;

public static class AccountAdmin
{
    /// <summary>An administrator's lock lasts until an administrator lifts it.</summary>
    public static readonly DateTimeOffset LockedUntilLifted = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public const string NotOnYourself = "不能在账号管理中对自己的账号执行此操作（修改自己的密码、身份验证器请到“账号安全”）。";

    public sealed record Details(
        string Id,
        string UserName,
        string FullName,
        IReadOnlyList<string> Roles,
        bool Locked,
        DateTimeOffset? LockedUntil,
        bool SecondFactor,
        int Sessions,
        bool IsMe,
        IReadOnlyList<AuditSearch.Row> Events);

    [RequireRoles(Roles.Admin)]
    public sealed record Query : IQuery<Details>
    {
        public string UserId { get; init; } = "";
    }

    public sealed class QueryHandler(UserManager<PortalUser> users, PortalDbContext db, Sessions sessions, CurrentUser me, TimeProvider time, CalendarService calendar) : IRequestHandler<Query, Details>
    {
        public async Task<Details> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(request.UserId) ?? throw new NotFoundException("未找到该账号。");
            // By user name, which the (UserName, OccurredAt) index serves; an account's user name never changes.
            var events = await db.SecurityEvents.AsNoTracking().Where(e => e.UserName == user.UserName)
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(20).ToListAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            return new Details(
                user.Id,
                user.UserName ?? "",
                user.FullName,
                [.. await users.GetRolesAsync(user)],
                user.LockoutEnd > time.GetUtcNow(),
                user.LockoutEnd,
                user.TwoFactorEnabled,
                await sessions.CountAsync(user.Id, cancellationToken),
                user.Id == me.Id,
                [.. events.Select(e => AuditSearch.ToRow(e, clock))]);
        }
    }

    /// <summary>Sets the account's roles to exactly these; its sessions end (a role change takes effect at once).</summary>
    [RequireRoles(Domain.Organisation.Roles.Admin)]
    public sealed record SetRoles : ICommand<Unit>
    {
        [Display(Name = "账号")]
        public string UserId { get; init; } = "";

        [Display(Name = "角色")]
        public List<string> Roles { get; init; } = [];
    }

    public sealed class SetRolesValidator : AbstractValidator<SetRoles>
    {
        public SetRolesValidator()
        {
            RuleFor(c => c.Roles).Must(r => r.Count > 0).WithMessage("请至少选择一个角色。")
                .Must(r => r.All(Domain.Organisation.Roles.All.Contains)).WithMessage("角色无效。");
        }
    }

    [RequireRoles(Roles.Admin)]
    public sealed record Lock : ICommand<Unit>
    {
        public string UserId { get; init; } = "";
    }

    [RequireRoles(Roles.Admin)]
    public sealed record Unlock : ICommand<Unit>
    {
        public string UserId { get; init; } = "";
    }

    [RequireRoles(Roles.Admin)]
    public sealed record ResetPassword : ICommand<Unit>
    {
        [Display(Name = "账号")]
        public string UserId { get; init; } = "";

        [Display(Name = "新密码")]
        public string NewPassword { get; init; } = "";

        [Display(Name = "确认新密码")]
        public string ConfirmPassword { get; init; } = "";
    }

    public sealed class ResetPasswordValidator : AbstractValidator<ResetPassword>
    {
        public ResetPasswordValidator()
        {
            RuleFor(c => c.NewPassword).NewPassword();
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("两次输入的新密码不一致。");
        }
    }

    [RequireRoles(Roles.Admin)]
    public sealed record ResetAuthenticator : ICommand<Unit>
    {
        public string UserId { get; init; } = "";
    }

    [RequireRoles(Roles.Admin)]
    public sealed record EndSessions : ICommand<Unit>
    {
        public string UserId { get; init; } = "";
    }

    public sealed class Handler(UserManager<PortalUser> users, Sessions sessions, IAuditLog audit, CurrentUser me) :
        IRequestHandler<SetRoles, Unit>,
        IRequestHandler<Lock, Unit>,
        IRequestHandler<Unlock, Unit>,
        IRequestHandler<ResetPassword, Unit>,
        IRequestHandler<ResetAuthenticator, Unit>,
        IRequestHandler<EndSessions, Unit>
    {
        public async Task<Unit> Handle(SetRoles request, CancellationToken cancellationToken)
        {
            var user = await TargetAsync(request.UserId);
            var before = (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal);
            var after = request.Roles.ToHashSet(StringComparer.Ordinal);
            if (before.SetEquals(after))
            {
                return Unit.Value;
            }

            Check(await users.RemoveFromRolesAsync(user, before.Except(after)));
            Check(await users.AddToRolesAsync(user, after.Except(before)));
            await users.UpdateSecurityStampAsync(user);
            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            await audit.RecordAsync(SecurityEventType.RolesChanged, AuditSubject.Of(user), $"{Labels(before)} → {Labels(after)}；结束登录{ended}处", cancellationToken);
            return Unit.Value;
        }

        public async Task<Unit> Handle(Lock request, CancellationToken cancellationToken)
        {
            var user = await TargetAsync(request.UserId);
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, LockedUntilLifted));
            await users.UpdateSecurityStampAsync(user);
            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            await audit.RecordAsync(SecurityEventType.AccountLocked, AuditSubject.Of(user), $"锁定至管理员解除；结束登录{ended}处", cancellationToken);
            return Unit.Value;
        }

        public async Task<Unit> Handle(Unlock request, CancellationToken cancellationToken)
        {
            var user = await TargetAsync(request.UserId);
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
            await audit.RecordAsync(SecurityEventType.AccountUnlocked, AuditSubject.Of(user), null, cancellationToken);
            return Unit.Value;
        }

        public async Task<Unit> Handle(ResetPassword request, CancellationToken cancellationToken)
        {
            var user = await TargetAsync(request.UserId);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, request.NewPassword);
            if (!reset.Succeeded)
            {
                throw new ValidationFailedException([.. reset.Errors.Select(e => (nameof(ResetPassword.NewPassword), e.Description))]);
            }

            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            await audit.RecordAsync(SecurityEventType.PasswordReset, AuditSubject.Of(user), $"结束登录{ended}处", cancellationToken);
            return Unit.Value;
        }

        public async Task<Unit> Handle(ResetAuthenticator request, CancellationToken cancellationToken)
        {
            var user = await TargetAsync(request.UserId);
            await AccountSecurity.RemoveAsync(users, user);
            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            await audit.RecordAsync(SecurityEventType.SecondFactorReset, AuditSubject.Of(user), $"管理员重置身份验证器；结束登录{ended}处", cancellationToken);
            return Unit.Value;
        }

        public async Task<Unit> Handle(EndSessions request, CancellationToken cancellationToken)
        {
            var user = await TargetAsync(request.UserId);
            var ended = await sessions.EndAllAsync(user.Id, cancellationToken);
            await audit.RecordAsync(SecurityEventType.SessionsEnded, AuditSubject.Of(user), $"管理员结束登录{ended}处", cancellationToken);
            return Unit.Value;
        }

        /// <summary>The account acted on: it exists, and it is not the administrator's own.</summary>
        private async Task<PortalUser> TargetAsync(string userId)
        {
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("未找到该账号。");
            return user.Id == me.Id ? throw new ValidationFailedException("", NotOnYourself) : user;
        }

        private static string Labels(IEnumerable<string> roles) =>
            roles.Any() ? string.Join("、", roles.Order(StringComparer.Ordinal).Select(Domain.Organisation.Roles.Label)) : "（无）";

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new ValidationFailedException([.. result.Errors.Select(e => ("", e.Description))]);
            }
        }
    }
}
