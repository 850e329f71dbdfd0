using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

namespace Portal.Web.Features.Errors;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    /// <summary>HttpContext.Items key of a refusal's own Chinese reason, shown on the 403 page instead of the general text.</summary>
    public const string ReasonKey = "portal.refusal";

    public string Title { get; private set; } = "";

    public string Message { get; private set; } = "";

    // The code is read from the query, not bound: binding a POST's parameter reads its form, and a post refused
    // for its size (MaterialSetup.UseMaterialUploadLimit) is answered here without reading its body.
    public void OnGet() => Describe(Code);

    public void OnPost() => Describe(Code);

    private int Code => int.TryParse(Request.Query["code"], out var code) ? code : 0;

    private void Describe(int code)
    {
        // A failure the page could not show on its form (Common/PortalExceptionFilter.cs) says what it was.
        if (HttpContext.Items[PortalErrors.ItemKey] is PortalError failure && failure.Status == code)
        {
            (Title, Message) = (failure.Title, failure.Message);
            return;
        }

        (Title, Message) = code switch
        {
            400 => ("请求有误", "页面已过期或提交的内容不完整，请返回上一页刷新后重试。"),
            403 => ("无权访问", "您没有权限查看或办理此事项。如需办理，请使用有权限的账号登录。"),
            404 => ("未找到", "您要找的页面或办件不存在，或不属于您。请核对办件编号。"),
            409 => ("内容已有新的变化", "页面内容已被他人更新，请返回刷新后重试。"),
            422 => ("暂时不能办理", "该事项当前不能办理，请返回查看办件状态。"),
            429 => ("操作过于频繁", "您的操作过于频繁，请稍等片刻再试。"),
            _ => ("无法完成请求", "请稍后重试。"),
        };
        if (code == 403 && HttpContext.Items[ReasonKey] is string reason)
        {
            Message = reason;
        }
    }
}
