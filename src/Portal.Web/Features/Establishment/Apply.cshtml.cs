using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Establishment;

[Authorize(Roles = Roles.Applicant + "," + Roles.Window)]
[RequestSizeLimit(MaterialLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialLimits.MaxRequestBytes)]
public sealed class ApplyModel(IMediator mediator, CurrentUser me) : PageModel, IReloadablePage
{
    private bool staged;

    /// <summary>The form, typed as the submission so that its validator's rules reach the browser (data-val-*).</summary>
    [BindProperty]
    public Submit.Command Data { get; set; } = Submit.Command.From(EstablishmentForm.Blank());

    public bool IsStaff => me.IsStaff;

    public string? NameMessage { get; private set; }

    /// <summary>The upload part of the form (Features/Materials): its lines and the files already uploaded.</summary>
    public ApplyMaterials.View Materials { get; private set; } = ApplyMaterials.View.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsStaff)
        {
            Data = Submit.Command.From(await mediator.Send(new Draft.Query(), cancellationToken) ?? EstablishmentForm.Blank());
        }
        else
        {
            // 帮办代办: each filing opens a new batch, so one visitor's scans never join the next visitor's case.
            Data = Data with { UploadBatch = Staging.NewBatch() };
        }

        Materials = await ApplyMaterials.LoadAsync(mediator, Data.UploadBatch, cancellationToken);
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
        await mediator.Send(new Unstage.Command { Form = Staging.Establishment, Batch = Data.UploadBatch, FileId = unstage }, cancellationToken);
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        await mediator.Send(new SaveDraft.Command { Form = Data }, cancellationToken);
        TempData["Notice"] = "草稿已保存，下次打开本页面时自动恢复。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckNameAsync(CancellationToken cancellationToken)
    {
        var check = await mediator.Send(new CheckName.Query { Name = Data.ProposedName }, cancellationToken);
        NameMessage = check.Ok ? $"“{Data.ProposedName?.Trim()}”目前可以使用（提交时再次核对）。" : null;
        if (!check.Ok)
        {
            ModelState.AddModelError("Data.ProposedName", check.Message!);
        }

        await ReloadAsync(cancellationToken);
        return Page();
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var result = await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = result.Notice;
        return Redirect($"/Cases/{result.Number}");
    }

    /// <summary>Shown again (refused, or a button that stays): the files the post carried are kept first.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await StageOnceAsync(cancellationToken);
        Materials = await ApplyMaterials.LoadAsync(mediator, Data.UploadBatch, cancellationToken);
    }

    private async Task StageOnceAsync(CancellationToken cancellationToken)
    {
        if (!staged && HttpMethods.IsPost(Request.Method))
        {
            staged = true;
            await ApplyMaterials.StageAsync(mediator, this, Data.UploadBatch, cancellationToken);
        }
    }
}
