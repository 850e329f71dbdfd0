using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

public enum UserKind
{
    Citizen,
    Enterprise,
    Staff,
}

/// <summary>A person with real-name data (实名): name, 居民身份证号 (checked against GB 11643) and mobile number.</summary>
public class PortalUser : IdentityUser
{
    public string FullName { get; set; } = "";

    public string? IdNumber { get; set; }

    public UserKind Kind { get; set; }

    /// <summary>For enterprise applicants: the enterprise they act for.</summary>
    public string? EnterpriseName { get; set; }

    /// <summary>For window staff: the window they usually sit at.</summary>
    public string? WindowNumber { get; set; }

    public DateTime CreatedAt { get; set; }
}
