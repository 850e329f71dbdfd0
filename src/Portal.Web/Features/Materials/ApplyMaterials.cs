using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// The upload part of an application form (企业开办 一表申请, the 注销 start, 报装): every upload line the application may
/// need (each saying when it applies: the 企业开办 scope entries and sub-items, the 报装 utilities that list it), the files
/// already staged for each, and the staging of files posted with any of the form's buttons — so a refused form or a
/// draft keeps them.
/// </summary>
public static class ApplyMaterials
{
    /// <summary>
    /// One upload line: its requirement, the scope entries or sub-items it belongs to (none: always), its staged files.
    /// On the 报装 form, <see cref="Utilities"/> are the utilities whose list has it (none: every utility).
    /// </summary>
    public sealed record Line(MaterialRequirement Requirement, IReadOnlyList<string> Scopes, IReadOnlyList<string> SubItems, IReadOnlyList<FileView> Staged)
    {
        public IReadOnlyList<(string Code, string Label)> Utilities { get; init; } = [];

        public static Line Of(MaterialRequirement requirement) => new(requirement, [], [], []);
    }

    /// <summary>The part as the form shows it: its heading and hint, the lines, and the materials not uploaded (免提交, 在线填写).</summary>
    public sealed record View(string? Batch, IReadOnlyList<Line> Lines, IReadOnlyList<MaterialRequirement> LookedUp)
    {
        public static View Empty { get; } = new(null, [], []);

        public string Heading { get; init; } = "申请材料";

        public string Hint { get; init; } = "";
    }

    public const string EstablishmentHint =
        "身份证明、营业执照等已有电子证照的材料免提交，系统按“电子两证”自动调取（000:79；003:11-13）。下列材料请逐项上传，手机可直接拍照上传；"
        + "选择文件后点“上传所选文件”即可保存，表单有误需修改时已上传的文件不会丢失。可容缺的材料暂时没有的，窗口可容缺受理，承诺日期前在线补交。";

    public static IReadOnlyList<Line> Lines(IReadOnlyList<(string ItemCode, FileView File)> staged)
    {
        var all = MaterialCatalog.ForEstablishment(EstablishmentCatalog.Scope.Select(s => s.Code), EstablishmentCatalog.Items.Select(i => i.Code));
        return all.Where(r => r.IsUpload).Select(r => new Line(
            r,
            MaterialCatalog.ByScope.Where(kv => kv.Value.Contains(r)).Select(kv => kv.Key).ToList(),
            MaterialCatalog.BySubItem.Where(kv => kv.Value.Contains(r)).Select(kv => kv.Key).ToList(),
            staged.Where(s => s.ItemCode == r.Code).Select(s => s.File).ToList())).ToList();
    }

    public static async Task<View> LoadAsync(IMediator mediator, string? batch, CancellationToken cancellationToken)
    {
        var staged = await mediator.Send(new StagedFiles.Query { Form = Staging.Establishment, Batch = batch }, cancellationToken);
        return new View(batch, Lines(staged), MaterialCatalog.ForEstablishment([], []).Where(r => !r.IsUpload).ToList())
        {
            Heading = "六、申请材料",
            Hint = EstablishmentHint,
        };
    }

    /// <summary>
    /// The upload part of another form: <paramref name="lines"/> with the files staged on <paramref name="form"/> by the
    /// signed-in person (none for someone who may look at the form but not file it: <see cref="Staging.MayStage"/>).
    /// </summary>
    public static async Task<View> LoadAsync(
        IMediator mediator, CurrentUser me, string form, string? batch, IReadOnlyList<Line> lines, IReadOnlyList<MaterialRequirement> notUploaded, string heading, string hint,
        CancellationToken cancellationToken)
    {
        var staged = Staging.MayStage(me) ? await mediator.Send(new StagedFiles.Query { Form = form, Batch = batch }, cancellationToken) : [];
        return new View(batch, lines.Select(l => l with { Staged = staged.Where(s => s.ItemCode == l.Requirement.Code).Select(s => s.File).ToList() }).ToList(), notUploaded)
        {
            Heading = heading,
            Hint = hint,
        };
    }

    /// <summary>Stages the files the post carries; each refused one is shown beside its line, the rest are kept.</summary>
    public static Task StageAsync(IMediator mediator, PageModel page, string? batch, CancellationToken cancellationToken) =>
        StageAsync(mediator, page, Staging.Establishment, batch, cancellationToken);

    /// <summary>Stages the files the post carries on <paramref name="form"/>; each refused one is shown beside its line.</summary>
    public static async Task StageAsync(IMediator mediator, PageModel page, string form, string? batch, CancellationToken cancellationToken)
    {
        var files = IncomingFile.FromForm(page.Request.HasFormContentType ? page.Request.Form.Files : new Microsoft.AspNetCore.Http.FormFileCollection());
        if (files.Count == 0)
        {
            return;
        }

        var refusals = await mediator.Send(new StageFiles.Command { Form = form, Batch = batch, Files = files }, cancellationToken);
        foreach (var (field, message) in refusals)
        {
            page.ModelState.AddModelError(field, message);
        }
    }
}
