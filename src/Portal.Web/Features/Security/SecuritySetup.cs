using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Security;
using Portal.Web.Setup;

namespace Portal.Web.Features.Security;

/// <summary>
/// Identity, the sign-in cookie and its server-side sessions, the second factor, the password rule and the security
/// audit log (docs/decisions/0015-sessions-and-second-factor.md).
/// </summary>
public static class SecuritySetup
{
    /// <summary>Shown as the account's issuer in authenticator apps.</summary>
    public const string AuthenticatorIssuer = "政务服务中心网上办事大厅";

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // The rule itself is PortalPasswordValidator (length, three kinds, not guessable); Identity's own
                // validator is replaced below so that a short password gets one message, not two.
                o.Password.RequiredLength = PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>();
        services.RemoveAll<IPasswordValidator<PortalUser>>();
        services.AddScoped<IPasswordValidator<PortalUser>, PortalPasswordValidator>();

        // Every 30 minutes Identity rebuilds the principal from the database (security stamp check); it would drop the
        // amr=mfa claim of a session that passed the second factor, which then would be held back as if it had not.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identities.FirstOrDefault() is { } identity && context.CurrentPrincipal is { } current)
            {
                foreach (var method in current.FindAll(SecondFactor.MethodClaim).Where(c => !identity.HasClaim(c.Type, c.Value)))
                {
                    identity.AddClaim(new System.Security.Claims.Claim(method.Type, method.Value));
                }
            }

            return Task.CompletedTask;
        });

        services.AddOptions<SessionOptions>().Bind(config.GetSection(SessionOptions.Section));
        services.AddOptions<AuditOptions>().Bind(config.GetSection(AuditOptions.Section))
            .Validate(o => o.IsValid, AuditOptions.TooShort)
            .ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddScoped<Sessions>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddSingleton<SecurityHousekeeping>();
        services.AddHostedService(p => p.GetRequiredService<SecurityHousekeeping>());

        var idleMinutes = config.GetValue("Portal:IdleTimeoutMinutes", 20);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
            o.SlidingExpiration = true;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);

        // The password step of a two-step sign-in (who passed it, for 5 minutes) has its own cookie.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = "portal.2fa";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        return services;
    }
}
