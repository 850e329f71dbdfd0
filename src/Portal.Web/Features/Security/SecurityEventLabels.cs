using Portal.Infrastructure.Security;

namespace Portal.Web.Features.Security;

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
