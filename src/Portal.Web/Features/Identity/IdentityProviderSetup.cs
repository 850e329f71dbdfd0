using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Web.Features.Identity;

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
