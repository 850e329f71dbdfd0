using MediatR;
using Portal.Domain.Connections;
using Portal.Domain.Materials;
using Portal.Web.Common;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Connections;

/// <summary>
/// The upload part of the 报装 form. The list depends on the utilities ticked, and the form works without JavaScript, so
/// it shows the union of the utilities' upload items, each line naming the utilities that need it (the page dims the
/// lines no ticked utility needs). At submission each utility's child case gets its own list, and a file goes to every
/// ticked utility that lists its item (one 产权证明 serves 电、气、热、信 at once): each utility judges its own copy
/// (docs/decisions/0018-materials.md).
/// </summary>
public static class ConnectionMaterials
{
    public const string Hint =
        "申请人身份证明、营业执照已有电子证照的免提交。下列材料按所勾选的报装项目上传（括号内为需要该材料的项目），一份文件同时送达各专营单位；"
        + "手机可直接拍照上传。选择文件后点“上传所选文件”即可保存，表单有误需修改时已上传的文件不会丢失。";

    /// <summary>Each upload item of any utility's list, with the utilities whose list has it.</summary>
    public static IReadOnlyList<ApplyMaterials.Line> Lines() =>
        Utilities.All
            .SelectMany(u => MaterialCatalog.ForService(ConnectionService.ChildCode(u)).Where(r => r.IsUpload).Select(r => (Utility: u, Requirement: r)))
            .GroupBy(x => x.Requirement.Code)
            .Select(g => ApplyMaterials.Line.Of(g.First().Requirement) with { Utilities = g.Select(x => (x.Utility.ToString(), x.Utility.Label())).ToList() })
            .ToList();

    /// <summary>What no utility needs uploaded: looked up (身份证明、营业执照) or this form itself (用水、燃气报装申请表).</summary>
    public static IReadOnlyList<MaterialRequirement> NotUploaded() =>
        Utilities.All.SelectMany(u => MaterialCatalog.ForService(ConnectionService.ChildCode(u))).Where(r => !r.IsUpload).DistinctBy(r => r.Code).ToList();

    public static Task<ApplyMaterials.View> LoadAsync(IMediator mediator, CurrentUser me, string? batch, CancellationToken cancellationToken) =>
        ApplyMaterials.LoadAsync(mediator, me, Staging.Connection, batch, Lines(), NotUploaded(), "三、申请材料", Hint, cancellationToken);

    /// <summary>The list of a utility's child case.</summary>
    public static IReadOnlyList<MaterialRequirement> ListOf(Utility utility) => MaterialCatalog.ForService(ConnectionService.ChildCode(utility));
}
