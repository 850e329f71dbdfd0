namespace Portal.Domain.Enterprises;

/// <summary>
/// 经办人授权: the enterprise's legal representative (a verified account) authorises another verified person to act
/// for the enterprise in named services (简易注销, 普通注销, 单独办理 items …), optionally until a date. Revocation
/// is immediate. The row is kept after revocation or expiry: it is the record of who could act, when and for what.
/// </summary>
public class EnterpriseAgent
{
    public const int ServicesMaxLength = 400;

    private EnterpriseAgent()
    {
    }

    public long Id { get; private set; }

    public long EnterpriseId { get; private set; }

    /// <summary>The agent's account.</summary>
    public string AgentUserId { get; private set; } = "";

    /// <summary>The agent's verified name when authorised (shown in lists and in case history).</summary>
    public string AgentName { get; private set; } = "";

    /// <summary>The agent's ID number, masked, as the legal representative typed it.</summary>
    public string AgentIdNumberMasked { get; private set; } = "";

    /// <summary>The service codes the agent may act in, comma-separated.</summary>
    public string Services { get; private set; } = "";

    public string GrantedById { get; private set; } = "";

    public string GrantedByName { get; private set; } = "";

    public DateTime GrantedAt { get; private set; }

    /// <summary>The end of the authorisation (exclusive), or null for until revoked.</summary>
    public DateTime? ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public string? RevokedById { get; private set; }

    public string? RevokedByName { get; private set; }

    public IReadOnlyList<string> ServiceCodes => Services.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTime nowUtc) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > nowUtc);

    /// <summary>Whether the agent may act in <paramref name="serviceCode"/> at <paramref name="nowUtc"/>.</summary>
    public bool Covers(string serviceCode, DateTime nowUtc) => IsActive(nowUtc) && ServiceCodes.Contains(serviceCode, StringComparer.Ordinal);

    public static EnterpriseAgent Grant(
        long enterpriseId,
        (string Id, string Name, string IdNumberMasked) agent,
        IEnumerable<string> serviceCodes,
        (string Id, string Name) grantedBy,
        DateTime nowUtc,
        DateTime? expiresAtUtc)
    {
        var services = string.Join(',', serviceCodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (services.Length == 0)
        {
            throw new ArgumentException("An authorisation names at least one service.", nameof(serviceCodes));
        }

        if (expiresAtUtc is { } end && end <= nowUtc)
        {
            throw new ArgumentException("An authorisation cannot end before it starts.", nameof(expiresAtUtc));
        }

        return new EnterpriseAgent
        {
            EnterpriseId = enterpriseId,
            AgentUserId = agent.Id,
            AgentName = agent.Name,
            AgentIdNumberMasked = agent.IdNumberMasked,
            Services = services,
            GrantedById = grantedBy.Id,
            GrantedByName = grantedBy.Name,
            GrantedAt = nowUtc,
            ExpiresAt = expiresAtUtc,
        };
    }

    /// <summary>Ends the authorisation now. Returns false when it had already been revoked.</summary>
    public bool Revoke((string Id, string Name) by, DateTime nowUtc)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = nowUtc;
        RevokedById = by.Id;
        RevokedByName = by.Name;
        return true;
    }
}
