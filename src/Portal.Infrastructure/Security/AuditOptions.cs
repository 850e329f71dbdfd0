using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Security;

/// <summary>Portal:Audit — how long the security audit log is kept, and its clean-up.</summary>
public sealed class AuditOptions
{
    public const string Section = "Portal:Audit";

    /// <summary>At least <see cref="ProviderSql.AuditRetentionFloorDays"/> (网络安全法 第二十一条: six months); a shorter setting stops the portal at start.</summary>
    public int RetentionDays { get; set; } = ProviderSql.AuditRetentionFloorDays;

    /// <summary>Whether this instance runs the clean-up (old audit entries, expired sessions).</summary>
    public bool CleanupEnabled { get; set; } = true;

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(6);

    public const string TooShort = "安全审计日志的保存期限（Portal:Audit:RetentionDays）不能少于180天（网络安全法 第二十一条：留存不少于六个月）。";

    public bool IsValid => RetentionDays >= ProviderSql.AuditRetentionFloorDays;
}
