using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

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

public static class IdentityProviderSetup
{
    /// <summary>
    /// Adds ASP.NET Core's own OpenID Connect handler when Portal:IdentityProvider:Enabled is true: authorization code
    /// with PKCE, the answer by query (so its cookies can stay SameSite=Lax), the signed id_token checked against the
    /// provider's keys, and the result kept in Identity's external cookie for /Identity/External to read.
    /// </summary>
    public static IServiceCollection AddPortalIdentityProvider(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(IdentityProviderOptions.Section);
        services.Configure<IdentityProviderOptions>(section);
        var options = section.Get<IdentityProviderOptions>() ?? new IdentityProviderOptions();
        if (!options.Enabled)
        {
            return services;
        }

        if (string.IsNullOrWhiteSpace(options.Authority) || string.IsNullOrWhiteSpace(options.ClientId))
        {
            throw new InvalidOperationException("Portal:IdentityProvider is enabled but Authority or ClientId is missing.");
        }

        services.AddAuthentication().AddOpenIdConnect(IdentityProviderOptions.Scheme, options.DisplayName, o =>
        {
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = options.UseUserInfoEndpoint;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.CallbackPath = options.CallbackPath;
            o.Scope.Clear();
            foreach (var scope in options.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.TokenValidationParameters.NameClaimType = options.NameClaim;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            foreach (var claim in new[] { options.NameClaim, options.IdNumberClaim, options.PhoneClaim }.OfType<string>())
            {
                o.ClaimActions.MapUniqueJsonKey(claim, claim);
            }

            // A refused or broken sign-in at the provider lands on a Chinese page, never on the framework's English error.
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/Identity/External?handler=Failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            o.Events.OnAccessDenied = context =>
            {
                context.Response.Redirect("/Identity/External?handler=Failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
