using Portal.Domain.Privacy;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Security;

/// <summary>
/// The security audit log (网络安全法 第二十一条), for any feature to record a security-relevant event: sign-ins,
/// second-factor changes, identity verification, role and account changes, exports of personal data. The entry is
/// added in the current unit of work: inside a command it is committed (or rolled back) with the change it records.
/// Who acted and from which address are taken from the request; pass the account the event is about.
/// Entries are never changed or removed by the portal; administrators search them at /Admin/Audit.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(SecurityEventType type, AuditSubject subject, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>Adds the entry to the request's context without saving: it commits with the caller's own SaveChanges.</summary>
    void Add(SecurityEventType type, AuditSubject subject, string? detail = null);
}

/// <summary>The account an audit entry is about: an existing account (id and user name), or a user name without one.</summary>
public sealed record AuditSubject(string? UserId, string UserName)
{
    /// <summary>A user name that matches no account: kept masked, as it may be a mistyped password.</summary>
    public static AuditSubject Unknown(string typed) => new(null, MaskUnknown(typed));

    public static AuditSubject Of(Infrastructure.Identity.PortalUser user) => new(user.Id, user.UserName ?? "");

    /// <summary>"nobody-here" → "no*******e": the first two and the last character, the rest starred (short names: all stars).</summary>
    public static string MaskUnknown(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length > 50)
        {
            text = text[..50];
        }

        return text.Length <= 4 ? new string('*', text.Length) : text[..2] + new string('*', text.Length - 3) + text[^1];
    }
}

public sealed class AuditLog(PortalDbContext db, CurrentUser me, IHttpContextAccessor http, TimeProvider time) : IAuditLog
{
    public async Task RecordAsync(SecurityEventType type, AuditSubject subject, string? detail = null, CancellationToken cancellationToken = default)
    {
        var entry = Entry(type, subject, detail);
        db.SecurityEvents.Add(entry);
        await db.SaveChangesAsync(cancellationToken);

        // Nothing else may touch the entry once written (the context refuses changes to it anyway).
        db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    public void Add(SecurityEventType type, AuditSubject subject, string? detail = null) => db.SecurityEvents.Add(Entry(type, subject, detail));

    private SecurityEvent Entry(SecurityEventType type, AuditSubject subject, string? detail)
    {
        var actorIsSubject = me.Id is null || me.Id == subject.UserId;
        return new SecurityEvent
        {
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Type = type,
            UserId = subject.UserId,
            UserName = Truncate(subject.UserName, 100) ?? "",
            ActorId = actorIsSubject ? null : me.Id,
            ActorName = actorIsSubject ? null : Truncate(me.Name, 100),
            IpAddress = Truncate(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), 45),
            Detail = detail is null ? null : Truncate(PersonalData.MaskText(detail), 500),
        };
    }

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}

/// <summary>Chinese names of the audit events (the admin page's filter and table).</summary>
public static class SecurityEventLabels
{
    public static string Label(SecurityEventType type) => type switch
    {
        SecurityEventType.SignInSucceeded => "登录成功",
        SecurityEventType.SignInFailed => "登录失败",
        SecurityEventType.LockedOut => "账号锁定（连续输错）",
        SecurityEventType.SignedOut => "退出登录",
        SecurityEventType.SecondFactorFailed => "动态验证码错误",
        SecurityEventType.SecondFactorEnrolled => "绑定身份验证器",
        SecurityEventType.SecondFactorReset => "重置身份验证器",
        SecurityEventType.SecondFactorDisabled => "关闭二次验证",
        SecurityEventType.RecoveryCodeUsed => "使用恢复码登录",
        SecurityEventType.RecoveryCodesRenewed => "重新生成恢复码",
        SecurityEventType.PasswordChanged => "修改密码",
        SecurityEventType.PasswordReset => "管理员重置密码",
        SecurityEventType.AccountCreated => "注册账号",
        SecurityEventType.RegistrationDuplicate => "重复注册（未新建账号）",
        SecurityEventType.RolesChanged => "变更角色",
        SecurityEventType.AccountLocked => "管理员锁定账号",
        SecurityEventType.AccountUnlocked => "解除锁定",
        SecurityEventType.SessionsEnded => "结束登录会话",
        SecurityEventType.IdentityVerified => "实名核验",
        SecurityEventType.PersonalDataExported => "导出个人信息",
        SecurityEventType.IdentityProviderLinked => "关联统一身份认证",
        SecurityEventType.AgentGranted => "授权经办人",
        SecurityEventType.AgentRevoked => "撤销经办人授权",
        _ => type.ToString(),
    };
}
