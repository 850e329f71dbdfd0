using System.Security.Claims;
using Portal.Domain.Organisation;

namespace Portal.Web.Features.Security;

/// <summary>
/// Staff and administrators work only after a second factor (等保 三级: two factors for administrators). Identity
/// marks a sign-in that passed the authenticator or a recovery code with the claim amr=mfa. A staff member signed in
/// with the password alone — an account that has no authenticator yet — is, for every request, a person without
/// staff roles (so no staff page, API or command lets them in) and is sent to enrol an authenticator first.
/// </summary>
public static class SecondFactor
{
    /// <summary>Identity's authentication-method claim and its value after a second factor.</summary>
    public const string MethodClaim = "amr";

    public const string Passed = "mfa";

    /// <summary>Set on the request's principal while staff roles are held back.</summary>
    public const string PendingClaim = "portal:second-factor-pending";

    public const string EnrolPath = "/Account/Authenticator";

    /// <summary>Pages a person waiting to enrol may still open.</summary>
    private static readonly string[] OpenPaths = [EnrolPath, "/Account/RecoveryCodes", "/Account/Logout", "/Account/AccessDenied", "/Errors", "/healthz"];

    public static bool HasStaffRole(ClaimsPrincipal principal) =>
        principal.FindAll(ClaimTypes.Role).Any(r => r.Value != Roles.Applicant);

    public static bool HasPassed(ClaimsPrincipal principal) => principal.HasClaim(MethodClaim, Passed);

    /// <summary>A signed-in staff member without a second factor in this session.</summary>
    public static bool IsPending(ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && HasStaffRole(principal) && !HasPassed(principal);

    /// <summary>The same person without staff roles (an applicant role stays), marked as waiting for the second factor.</summary>
    public static ClaimsPrincipal Restrict(ClaimsPrincipal principal)
    {
        var restricted = new ClaimsPrincipal();
        foreach (var identity in principal.Identities)
        {
            var copy = identity.Clone();
            foreach (var role in copy.FindAll(copy.RoleClaimType).Where(r => r.Value != Roles.Applicant).ToList())
            {
                copy.RemoveClaim(role);
            }

            restricted.AddIdentity(copy);
        }

        restricted.Identities.First().AddClaim(new Claim(PendingClaim, "true"));
        return restricted;
    }

    public static bool IsOpen(PathString path) =>
        OpenPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>After authentication: holds back the staff roles of a session without a second factor and sends its pages to enrolment.</summary>
    public static IApplicationBuilder UseSecondFactorGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsPending(context.User))
            {
                context.User = Restrict(context.User);
                if (!IsOpen(context.Request.Path) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
                {
                    var back = context.Request.Path + context.Request.QueryString;
                    context.Response.Redirect($"{EnrolPath}?ReturnUrl={Uri.EscapeDataString(back)}");
                    return;
                }
            }

            await next(context);
        });
}
