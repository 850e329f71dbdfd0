using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// Who may open, add to and judge a case's materials — one place, used by every route that serves a file and every
/// command that changes a list item. Files belong to their case: the applicant side (the applicant, whoever filed for
/// them), the staff holding the case, and supervisors. Anyone else gets "not found" (404), so nobody learns which files
/// exist. Who is on the applicant side is what the case's own actions say (<see cref="MaterialStanding"/>): on an
/// enterprise's 注销 or 单独办理 the verified legal representative and the agents (经办人) it authorised for the service,
/// not an agent whose authorisation was revoked, even on the case they filed.
/// </summary>
public static class MaterialAccess
{
    /// <summary>
    /// Staff holding the case now: its 首问负责人; the role holding its current step (窗口 at 受理, the department at
    /// 办理); a department with an open parallel track of it (load SubItems first); any window while it is at the window
    /// (待受理, or paused for 补正 before 受理) or while a 容缺 commitment is open (any window records supplied items).
    /// </summary>
    public static bool HoldsCase(Case c, CurrentUser me)
    {
        if (!me.IsSignedIn || !me.IsStaff || c.State.IsFinal())
        {
            return false;
        }

        if (c.OwnerId is not null && c.OwnerId == me.Id)
        {
            return true;
        }

        if (!string.IsNullOrEmpty(c.HolderRole) && c.HolderRole != Roles.Applicant && me.IsInRole(c.HolderRole))
        {
            return true;
        }

        if (c.SubItems.Any(s => s.IsOpen && me.IsInRole(s.HolderRole)))
        {
            return true;
        }

        var atWindow = c.State == CaseState.Submitted
            || (c.State == CaseState.AwaitingSupplement && c.PausedState == CaseState.Submitted)
            || (c.ToleranceItem is not null && c.ToleranceSuppliedAt is null);
        return atWindow && me.IsInRole(Roles.Window);
    }

    /// <summary>May open (view or download) the case's files.</summary>
    public static bool MayOpen(Case c, CurrentUser me, bool applicantSide) =>
        applicantSide || (me.IsSignedIn && me.IsInRole(Roles.Supervisor)) || HoldsCase(c, me) || (me.IsSignedIn && c.OwnerId == me.Id);

    /// <summary>May add files or explanations: the applicant side, or staff holding the case (scanning a visitor's papers).</summary>
    public static bool MayUpload(Case c, CurrentUser me, bool applicantSide) =>
        !c.State.IsFinal() && c.State != CaseState.Withdrawn && (applicantSide || HoldsCase(c, me));

    /// <summary>May judge items 合格 / 不合格 and send the 一次性告知: staff holding the case, never the applicant side.</summary>
    public static bool MayReview(Case c, CurrentUser me, bool applicantSide) => HoldsCase(c, me) && !applicantSide;

    /// <summary>A staged file (on a form not yet submitted) is opened only by whoever uploaded it.</summary>
    public static bool MayOpenStaged(string uploadedById, CurrentUser me) => me.IsSignedIn && me.Id == uploadedById;
}
