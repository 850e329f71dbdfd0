using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;

namespace Portal.Web.Features.Cases;

/// <summary>
/// Who may see a case: its applicant (or whoever filed it for them), its 首问负责人; window staff, supervisors and
/// administrators for every case (一窗受理: any window serves any service); back-office reviewers for the
/// services of their department, for cases with a sub-item of their department (load SubItems first) and for cases a
/// service shares with their department (a cancellation shared with 税务, 人社 …). Anyone else gets "not found", so nobody learns which cases exist.
/// </summary>
public static class CaseAccess
{
    public static bool CanView(Case c, CurrentUser user, ServiceCatalog services, IReadOnlyCollection<string>? alsoFor = null)
    {
        if (!user.IsSignedIn)
        {
            return false;
        }

        // The applicant, whoever filed it for them, and its 首问负责人 (who may be from any department after a hand-over).
        if (c.ApplicantId == user.Id || c.FiledById == user.Id || c.OwnerId == user.Id)
        {
            return true;
        }

        if (user.IsInRole(Roles.Window) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
        {
            return true;
        }

        // Back-office reviewers: their department's services, and cases with a parallel track of their department.
        var service = services.Get(c.ServiceCode);
        return (service.OpenToDepartment && user.IsInRole(service.Department.ReviewerRole())) || c.SubItems.Any(s => user.IsInRole(s.HolderRole))
            || (alsoFor?.Any(user.IsInRole) ?? false);
    }

    /// <summary>
    /// Returns the case when the person may see it, or acts for its applicant (an enterprise's verified legal
    /// representative or authorised agent, on a case someone else filed). <paramref name="alsoFor"/>: further roles the service shares it with.
    /// </summary>
    public static async Task<Case> EnsureVisibleAsync(Case? c, CurrentUser user, ServiceCatalog services, CaseContexts contexts, CancellationToken cancellationToken, IReadOnlyCollection<string>? alsoFor = null) =>
        c is not null && (CanView(c, user, services, alsoFor) || await contexts.ActsForApplicantAsync(c, cancellationToken))
            ? c
            : throw new NotFoundException("未找到该办件，或该办件不属于您。");

    /// <summary>Returns the case when the person may see it. <paramref name="alsoFor"/>: further roles the service shares it with.</summary>
    public static Case EnsureVisible(Case? c, CurrentUser user, ServiceCatalog services, IReadOnlyCollection<string>? alsoFor = null) =>
        c is not null && CanView(c, user, services, alsoFor) ? c : throw new NotFoundException("未找到该办件，或该办件不属于您。");
}
