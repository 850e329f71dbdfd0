using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;

namespace Portal.Web.Features.Workbench;

/// <summary>Who the workbench is for, and where its links go on the case page.</summary>
public static class WorkbenchPeople
{
    /// <summary>A case with who last took the given action on it ("姓名（角色）"), read in the same query.</summary>
    public sealed record CaseWithActor
    {
        public required Case Case { get; init; }

        public string? Actor { get; init; }
    }

    /// <summary>Each case with who last took <paramref name="action"/> on it (the 补正 request, the rejection proposal).</summary>
    public static IQueryable<CaseWithActor> WithLastActor(this IQueryable<Case> cases, string action) =>
        cases.Select(c => new CaseWithActor
        {
            Case = c,
            Actor = c.History
                .Where(e => e.Action == action)
                .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                .Select(e => e.ActorName + "（" + e.ActorRole + "）")
                .FirstOrDefault(),
        });

    /// <summary>The anchor of the case page's 办理操作 form.</summary>
    public const string ActionsAnchor = "actions";

    /// <summary>The anchor of the case page's 并联办理事项 table.</summary>
    public const string TracksAnchor = "tracks";

    /// <summary>The anchor of 注销's objection decisions on the case page.</summary>
    public const string ObjectionsAnchor = "objections";

    /// <summary>The signed-in person's staff roles (never 申请人, which would match cases waiting for an applicant).</summary>
    public static List<string> StaffRoles(CurrentUser me) => me.Roles.Where(r => r != Roles.Applicant).ToList();

    public static string CaseHref(string number, string? anchor = null) =>
        $"/Cases/{Uri.EscapeDataString(number)}{(anchor is null ? "" : "#" + anchor)}";

    /// <summary>依职权注销 is started from the enterprise (Deregistration/Start), never from a case page.</summary>
    public static bool IsOnCasePage(CaseTrigger trigger) => trigger != CaseTrigger.CancelByAuthority;

    /// <summary>Objections are decided in 注销's own panel; every other action is a button of the 办理操作 form.</summary>
    public static string AnchorOf(CaseTrigger trigger) => trigger == CaseTrigger.UpholdObjection ? ObjectionsAnchor : ActionsAnchor;

    /// <summary>The label the case page gives the action (a service may rename one, e.g. 办结 is 核准注销登记).</summary>
    public static string LabelOf(CaseTrigger trigger, CaseActionContext context) =>
        trigger == CaseTrigger.UpholdObjection ? "处理公示期异议" : context.Flow?.LabelOf(trigger) ?? trigger.Label();
}
