using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;

namespace Portal.Web.Features.Materials;

/// <summary>
/// The upload part of the 企业开办 一表申请: every upload line the application may need (the base list, the lines of the
/// scope entries and sub-items that add some, each saying when it applies), the files already staged for each, and the
/// staging of files posted with any of the form's buttons — so a refused form or a draft keeps them.
/// </summary>
public static class ApplyMaterials
{
    /// <summary>One upload line: its requirement, the scope entries or sub-items it belongs to (none: always), its staged files.</summary>
    public sealed record Line(MaterialRequirement Requirement, IReadOnlyList<string> Scopes, IReadOnlyList<string> SubItems, IReadOnlyList<FileView> Staged);

    public sealed record View(string? Batch, IReadOnlyList<Line> Lines, IReadOnlyList<MaterialRequirement> LookedUp)
    {
        public static View Empty { get; } = new(null, [], []);
    }

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
        return new View(batch, Lines(staged), MaterialCatalog.ForEstablishment([], []).Where(r => !r.IsUpload).ToList());
    }

    /// <summary>Stages the files the post carries; each refused one is shown beside its line, the rest are kept.</summary>
    public static async Task StageAsync(IMediator mediator, PageModel page, string? batch, CancellationToken cancellationToken)
    {
        var files = IncomingFile.FromForm(page.Request.HasFormContentType ? page.Request.Form.Files : new Microsoft.AspNetCore.Http.FormFileCollection());
        if (files.Count == 0)
        {
            return;
        }

        var refusals = await mediator.Send(new StageFiles.Command { Form = Staging.Establishment, Batch = batch, Files = files }, cancellationToken);
        foreach (var (field, message) in refusals)
        {
            page.ModelState.AddModelError(field, message);
        }
    }
}

/// <summary>The two file inputs of one list item (choose files; 拍照上传 with the phone's camera).</summary>
public sealed record FileInputs(string Code, string Name, string Formats)
{
    public string Field => IncomingFile.FieldOf(Code);

    /// <summary>What the chooser offers (the server decides the kind from the content anyway).</summary>
    public const string Accept = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png,.ofd";
}
