using Portal.Domain.Organisation;
using Portal.Web.Common;

namespace Portal.Web.Features.Shared;

/// <summary>
/// A guide page's 在线申请 button. Applicants (and visitors, who are asked to sign in) apply; window staff file for an
/// applicant (帮办代办). Other staff cannot apply: instead of a button that ends in 403 they are told who can.
/// </summary>
public sealed record ApplyButton(string Href, string Text)
{
    /// <summary>The roles that may open an application form (the forms' own authorization says the same).</summary>
    public static readonly IReadOnlyList<string> ApplyingRoles = [Roles.Applicant, Roles.Window];

    public const string WhoCanApply = "在线申请由申请人本人使用实名注册的账号提交，或到政务服务中心由窗口工作人员帮办代办。";

    /// <summary>Whether <paramref name="me"/> gets the button (signed out: yes, the form asks to sign in first).</summary>
    public static bool Offered(CurrentUser me) => !me.IsSignedIn || ApplyingRoles.Any(me.IsInRole);

    /// <summary>What a member of staff who cannot apply reads instead, naming their own role.</summary>
    public static string Refusal(CurrentUser me) =>
        $"您当前登录的是{string.Join("、", me.Roles.Select(Roles.Label))}账号，不能提交申请。" + WhoCanApply;
}
