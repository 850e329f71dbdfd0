namespace Portal.Web.Features.Identity;

/// <summary>
/// The provincial or national 统一身份认证 as an OpenID Connect provider (Portal:IdentityProvider; off by default). A
/// sign-in there vouches for a person's name and ID number: it verifies a matching account or creates a verified one.
/// </summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "Portal:IdentityProvider";

    /// <summary>The authentication scheme (and, with <see cref="CallbackPath"/>, the only route the handler answers).</summary>
    public const string Scheme = "uia";

    public bool Enabled { get; set; }

    /// <summary>The name people see (“使用统一身份认证登录”, “已实名核验（统一身份认证）”).</summary>
    public string DisplayName { get; set; } = "统一身份认证";

    /// <summary>The provider's issuer; its discovery document is read from {Authority}/.well-known/openid-configuration.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries the person's name (in the id_token, or from the userinfo endpoint).</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim that carries the 居民身份证号.</summary>
    public string IdNumberClaim { get; set; } = "id_number";

    /// <summary>The claim with the mobile number (optional): a new account takes it as its user name when it is free.</summary>
    public string? PhoneClaim { get; set; } = "phone_number";

    public string[] Scopes { get; set; } = ["openid", "profile"];

    /// <summary>Reads the claims from the userinfo endpoint too (some providers keep the ID number out of the id_token).</summary>
    public bool UseUserInfoEndpoint { get; set; }

    public string CallbackPath { get; set; } = "/signin-uia";

    /// <summary>True in production; a test provider on loopback HTTP turns it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
