using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// Which staged files belong to which form: the key is made on the server from the signed-in person and the form. A
/// form is one service's application: 企业开办 ("establishment"), 报装 ("connection", every utility of the one form), and
/// a 注销 or 单独办理 of one enterprise ("deregistration-ordinary:&lt;统一社会信用代码&gt;"), so files chosen for one
/// enterprise never go with another's.
/// </summary>
public static class Staging
{
    public const string Establishment = "establishment";

    public const string Connection = "connection";

    /// <summary>The services whose start forms of one enterprise take files.</summary>
    private static readonly string[] EnterpriseServices = ["deregistration-simple", "deregistration-ordinary"];

    /// <summary>The form of a 注销 or 单独办理 of one enterprise.</summary>
    public static string ForEnterprise(string serviceCode, string creditCode) => $"{serviceCode}:{creditCode}";

    /// <summary>Whether <paramref name="form"/> names a form that takes files.</summary>
    public static bool IsKnown(string? form)
    {
        if (form is Establishment or Connection)
        {
            return true;
        }

        var colon = form?.IndexOf(':') ?? -1;
        if (colon < 0)
        {
            return false;
        }

        var (service, code) = (form![..colon], form[(colon + 1)..]);
        return (EnterpriseServices.Contains(service)
                || service.StartsWith("addon-", StringComparison.Ordinal) && Portal.Domain.Enterprises.EstablishmentCatalog.Item(service["addon-".Length..]) is not null)
            && code.Length == 18 && code.All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>An applicant's draft has one key; a clerk's filing (帮办代办) one per opening of the form (a GUID batch).</summary>
    public static string KeyFor(CurrentUser me, string form, string? batch)
    {
        if (!IsKnown(form))
        {
            throw new ValidationFailedException("", "未知的申请表。");
        }

        if (!me.IsStaff)
        {
            return $"{form}:{me.Id}";
        }

        return Guid.TryParseExact(batch, "N", out var parsed)
            ? $"{form}:{me.Id}:{parsed:N}"
            : throw new ValidationFailedException("", "上传批次无效，请刷新页面后重新选择文件。");
    }

    /// <summary>The key, or null for a clerk whose form carries no valid batch (nothing staged to attach).</summary>
    public static string? TryKeyFor(CurrentUser me, string form, string? batch) =>
        !me.IsStaff || Guid.TryParseExact(batch, "N", out _) ? KeyFor(me, form, batch) : null;

    public static string NewBatch() => Guid.NewGuid().ToString("N");

    /// <summary>Who files application forms, and so stages files on them: applicants, and window clerks for a visitor.</summary>
    public static bool MayStage(CurrentUser me) => me.IsInRole(Roles.Applicant) || me.IsInRole(Roles.Window);
}
