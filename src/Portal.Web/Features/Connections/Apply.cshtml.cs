using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Connections;
using Portal.Domain.Materials;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Connections;

[RequestSizeLimit(MaterialLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialLimits.MaxRequestBytes)]
public sealed class ApplyModel(IMediator mediator, CurrentUser me) : PageModel, IReloadablePage
{
    private bool staged;

    [BindProperty]
    public Submit.Command Data { get; set; } = new();

    public bool IsStaff => me.IsStaff;

    /// <summary>The upload part of the form (Features/Materials): every utility's upload items and the files already uploaded.</summary>
    public ApplyMaterials.View Materials { get; private set; } = ApplyMaterials.View.Empty;

    public async Task OnGetAsync(string? utility, CancellationToken cancellationToken)
    {
        if (Enum.TryParse<Utility>(utility, ignoreCase: true, out var u))
        {
            Data = Data with { Utilities = [u] };
        }

        if (me.IsStaff)
        {
            // 帮办代办: each filing opens a new batch, so one visitor's scans never join the next visitor's case.
            Data = Data with { UploadBatch = Staging.NewBatch() };
        }

        await ReloadAsync(cancellationToken);
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            // A file was refused: the form comes back with the reason beside its line (the others are kept).
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var number = await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = $"报装申请已提交，办件编号 {number}。各专营单位已同时收到申请。";
        return Redirect($"/Cases/{number}");
    }

    /// <summary>上传所选文件: keeps the chosen files with the form and shows it again.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        return Page();
    }

    /// <summary>移除 an uploaded file from the form.</summary>
    public async Task<IActionResult> OnPostUnstageAsync([Display(Name = "文件")] long unstage, CancellationToken cancellationToken)
    {
        await mediator.Send(new Unstage.Command { Form = Staging.Connection, Batch = Data.UploadBatch, FileId = unstage }, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Shown again (refused, or a button that stays): the files the post carried are kept first.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        Materials = await ConnectionMaterials.LoadAsync(mediator, me, Data.UploadBatch, cancellationToken);
    }

    private async Task StageOnceAsync(CancellationToken cancellationToken)
    {
        if (!staged && HttpMethods.IsPost(Request.Method))
        {
            staged = true;
            await ApplyMaterials.StageAsync(mediator, this, Staging.Connection, Data.UploadBatch, cancellationToken);
        }
    }
}
