using MediatR;
using Microsoft.AspNetCore.Identity;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

public static class AccountSecurity
{
    public sealed record Status(string UserName, bool Staff, bool SecondFactor, int RecoveryCodesLeft, int Sessions);

    public sealed record Query : IQuery<Status>;

    public sealed class QueryHandler(UserManager<PortalUser> users, Sessions sessions, CurrentUser me) : IRequestHandler<Query, Status>
    {
        public async Task<Status> Handle(Query request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            var staff = (await users.GetRolesAsync(user)).Any(r => r != Domain.Organisation.Roles.Applicant);
            return new Status(
                user.UserName ?? "",
                staff,
                user.TwoFactorEnabled,
                user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
                await sessions.CountAsync(user.Id, cancellationToken));
        }
    }

    /// <summary>Replaces the recovery codes (the old ones stop working).</summary>
    public sealed record RenewRecoveryCodes : ICommand<IReadOnlyList<string>>;

    public sealed class RenewHandler(UserManager<PortalUser> users, IAuditLog audit, CurrentUser me) : IRequestHandler<RenewRecoveryCodes, IReadOnlyList<string>>
    {
        public async Task<IReadOnlyList<string>> Handle(RenewRecoveryCodes request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            if (!user.TwoFactorEnabled)
            {
                throw new ValidationFailedException("", "尚未绑定身份验证器，没有恢复码。");
            }

            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Enrol.RecoveryCodeCount))?.ToList() ?? [];
            await audit.RecordAsync(SecurityEventType.RecoveryCodesRenewed, AuditSubject.Of(user), null, cancellationToken);
            return codes;
        }
    }

    /// <summary>
    /// Removes the authenticator (a new phone, a lost one): the account must bind one again — staff before their next
    /// staff page. Other sessions end.
    /// </summary>
    public sealed record ResetAuthenticator : ICommand<Unit>;

    public sealed class ResetHandler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Sessions sessions, IAuditLog audit, CurrentUser me)
        : IRequestHandler<ResetAuthenticator, Unit>
    {
        public async Task<Unit> Handle(ResetAuthenticator request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            await RemoveAsync(users, user);
            await audit.RecordAsync(SecurityEventType.SecondFactorReset, AuditSubject.Of(user), "本人重置身份验证器", cancellationToken);
            await sessions.EndOthersAsync(user.Id, cancellationToken);

            // This session signs in again as password-only: staff are held back until they bind the new authenticator.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(SecondFactor.MethodClaim, "pwd")]);
            return Unit.Value;
        }
    }

    /// <summary>Turns the second factor off: applicants only (staff must keep one).</summary>
    public sealed record Disable : ICommand<Unit>;

    public sealed class DisableHandler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, IAuditLog audit, CurrentUser me)
        : IRequestHandler<Disable, Unit>
    {
        public async Task<Unit> Handle(Disable request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            if ((await users.GetRolesAsync(user)).Any(r => r != Domain.Organisation.Roles.Applicant))
            {
                throw new ValidationFailedException("", "工作人员和管理员必须使用二次验证，不能关闭；更换手机请使用“重置身份验证器”。");
            }

            await RemoveAsync(users, user);
            await audit.RecordAsync(SecurityEventType.SecondFactorDisabled, AuditSubject.Of(user), null, cancellationToken);
            await signIn.RefreshSignInAsync(user);
            return Unit.Value;
        }
    }

    /// <summary>Signs the person out everywhere else (the session of this request stays).</summary>
    public sealed record EndOtherSessions : ICommand<int>;

    public sealed class EndOthersHandler(UserManager<PortalUser> users, Sessions sessions, IAuditLog audit, CurrentUser me) : IRequestHandler<EndOtherSessions, int>
    {
        public async Task<int> Handle(EndOtherSessions request, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
            var ended = await sessions.EndOthersAsync(user.Id, cancellationToken);
            await audit.RecordAsync(SecurityEventType.SessionsEnded, AuditSubject.Of(user), $"本人退出其他设备上的{ended}处登录", cancellationToken);
            return ended;
        }
    }

    /// <summary>No authenticator any more: the key is replaced (the old app's codes stop working) and the second factor is off.</summary>
    public static async Task RemoveAsync(UserManager<PortalUser> users, PortalUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
    }
}
