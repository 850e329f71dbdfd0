using Portal.Domain.Organisation;

namespace Portal.Domain.Cases;

/// <summary>Who is acting on a case: a signed-in person with their roles, or the system itself.</summary>
public sealed record CaseActor(string UserId, string Name, IReadOnlySet<string> RoleNames)
{
    public static CaseActor System { get; } = new("system", "系统", new HashSet<string>());

    /// <summary>Someone without an account acting on a public page (an objection to a public notice).</summary>
    public static CaseActor Public { get; } = new("public", "社会公众", new HashSet<string>());

    public bool IsSystem => UserId == System.UserId;

    /// <summary>
    /// Acts on the applicant's side of a case without being its applicant or filer: the verified legal representative
    /// or an authorised agent on an enterprise's case someone else filed (set by the web layer's actor policy only).
    /// </summary>
    public bool ActsForApplicant { get; init; }

    /// <summary>The case's applicant, whoever filed it for them, or someone acting for the applicant.</summary>
    public bool IsApplicantSideOf(Case c) => ActsForApplicant || UserId == c.ApplicantId || UserId == c.FiledById;

    public bool Has(string role) => RoleNames.Contains(role);

    public bool IsStaff => RoleNames.Any(r => r != Roles.Applicant);

    /// <summary>The label shown in history: the most specific staff role, else 申请人.</summary>
    public string RoleLabel =>
        IsSystem ? "系统"
        : UserId == Public.UserId ? "公众"
        : RoleNames.FirstOrDefault(Roles.IsReviewer) is { } reviewer ? Roles.Label(reviewer)
        : Has(Roles.Supervisor) ? Roles.Label(Roles.Supervisor)
        : Has(Roles.Window) ? Roles.Label(Roles.Window)
        : Has(Roles.Admin) ? Roles.Label(Roles.Admin)
        : Roles.Label(Roles.Applicant);
}
