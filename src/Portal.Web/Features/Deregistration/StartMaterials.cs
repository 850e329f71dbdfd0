using MediatR;
using Portal.Domain.Deregistration;
using Portal.Domain.Materials;
using Portal.Web.Common;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// The upload part of the 注销 start form: the upload items of the route's list (简易注销: 许可证件; 普通注销: 清算组 and
/// 许可证件), with the files already staged for this enterprise, and the items not uploaded (营业执照 looked up, the
/// 承诺书 and 清算报告 filled in online).
/// </summary>
public static class StartMaterials
{
    public const string Hint =
        "营业执照、清税结果等已有电子证照或部门共享的材料免提交。下列材料请逐项上传，手机可直接拍照上传；选择文件后点“上传所选文件”即可保存，"
        + "表单有误需修改时已上传的文件不会丢失。未随申请上传的，可在办件页面补交；窗口审核时缺少的材料将列入一次性告知。";

    public static Task<ApplyMaterials.View> LoadAsync(IMediator mediator, CurrentUser me, DeregistrationRoute route, string form, string? batch, CancellationToken cancellationToken)
    {
        var list = MaterialCatalog.ForService(DeregistrationService.For(route).Code);
        return ApplyMaterials.LoadAsync(
            mediator,
            me,
            form,
            batch,
            list.Where(r => r.IsUpload).Select(ApplyMaterials.Line.Of).ToList(),
            list.Where(r => !r.IsUpload).ToList(),
            route == DeregistrationRoute.Simple ? "三、申请材料" : "申请材料",
            Hint,
            cancellationToken);
    }
}
