using System.Security.Claims;
using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>
/// The person a request runs as: the signed-in user of the HTTP request, or whoever a test or background job
/// sets with <see cref="RunAs"/>.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public const string FullNameClaim = "portal:full_name";

    private ClaimsPrincipal? principal;

    public ClaimsPrincipal Principal => principal ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;

    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => Principal.FindFirstValue(FullNameClaim) ?? Principal.Identity?.Name ?? "";

    public IReadOnlySet<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public bool IsStaff => Roles.Any(r => r != Domain.Organisation.Roles.Applicant);

    /// <summary>Runs the rest of this scope as the given person (tests, background jobs).</summary>
    public void RunAs(string id, string name, params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, name), new(FullNameClaim, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "portal"));
    }

    public CaseActor ToActor() =>
        IsSignedIn ? new CaseActor(Id!, Name, Roles) : throw new NotSignedInException();

    /// <summary>Where this person starts after signing in.</summary>
    public string HomePath => HomePathFor(Roles);

    /// <summary>Where each kind of person starts after signing in: 管理员, 督查, other staff, applicants.</summary>
    public static string HomePathFor(IEnumerable<string> roles)
    {
        var set = roles as IReadOnlySet<string> ?? roles.ToHashSet();
        return set.Contains(Domain.Organisation.Roles.Admin) ? "/Admin"
            : set.Contains(Domain.Organisation.Roles.Supervisor) ? "/Supervision"
            : set.Any(r => r != Domain.Organisation.Roles.Applicant) ? "/Workbench"
            : "/Cases";
    }
}
