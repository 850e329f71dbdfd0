using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Materials;

namespace Portal.Web.Features.Deregistration;

[RequestSizeLimit(MaterialLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialLimits.MaxRequestBytes)]
public sealed class StartModel(IMediator mediator, CurrentUser me) : PageModel, IReloadablePage
{
    private bool staged;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "统一社会信用代码")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "注销方式")]
    public DeregistrationRoute Route { get; set; } = DeregistrationRoute.Simple;

    [BindProperty]
    public Start.Command Data { get; set; } = new();

    [BindProperty]
    public ByAuthority.Command Authority { get; set; } = new();

    public StartForm.Result Form { get; private set; } = null!;

    /// <summary>The upload part of the form (Features/Materials): the route's upload items and the files already uploaded.</summary>
    public ApplyMaterials.View Materials { get; private set; } = ApplyMaterials.View.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (me.IsStaff)
        {
            // 帮办代办: each filing opens a new batch, so one visitor's scans never join the next visitor's case.
            Data = Data with { UploadBatch = Staging.NewBatch() };
        }

        await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Who may start it is asked first: files are kept only for someone who may file this form.
        Form = await mediator.Send(new StartForm.Query { CreditCode = Code, Route = Route }, cancellationToken);
        var refusals = ModelState.ErrorCount;
        await StageOnceAsync(cancellationToken);
        if (ModelState.ErrorCount > refusals)
        {
            // A file was refused: the form comes back with the reason beside its line (the others are kept).
            await ReloadAsync(cancellationToken);
            return Page();
        }

        var number = await mediator.Send(Data with { CreditCode = Code, Route = Route }, cancellationToken);
        TempData["Notice"] = $"{Route.Label()}申请已提交，办件编号 {number}。";
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
        Form = await mediator.Send(new StartForm.Query { CreditCode = Code, Route = Route }, cancellationToken);
        if (StagingForm is { } form)
        {
            await mediator.Send(new Unstage.Command { Form = form, Batch = Data.UploadBatch, FileId = unstage }, cancellationToken);
        }

        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAuthorityAsync(CancellationToken cancellationToken)
    {
        var files = IncomingFile.FromForm(Request.HasFormContentType ? Request.Form.Files : new FormFileCollection());
        var number = await mediator.Send(Authority with { CreditCode = Code, Files = files }, cancellationToken);
        TempData["Notice"] = $"已依职权注销，办件编号 {number}。";
        return Redirect($"/Cases/{number}");
    }

    /// <summary>Shown again (refused, or a button that stays): the files the post carried are kept first.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Form = await mediator.Send(new StartForm.Query { CreditCode = Code, Route = Route }, cancellationToken);
        await StageOnceAsync(cancellationToken);
        Materials = StagingForm is { } form && Form.MayApply
            ? await StartMaterials.LoadAsync(mediator, me, Form.Route, form, Data.UploadBatch, cancellationToken)
            : ApplyMaterials.View.Empty;
    }

    /// <summary>The staging key's form: this route for this enterprise (null for a route that takes no files here).</summary>
    private string? StagingForm => Form.Route is DeregistrationRoute.Simple or DeregistrationRoute.Ordinary
        ? Staging.ForEnterprise(DeregistrationService.For(Form.Route).Code, Form.CreditCode)
        : null;

    private async Task StageOnceAsync(CancellationToken cancellationToken)
    {
        if (!staged && HttpMethods.IsPost(Request.Method) && StagingForm is { } form && Form.MayApply)
        {
            staged = true;
            await ApplyMaterials.StageAsync(mediator, this, form, Data.UploadBatch, cancellationToken);
        }
    }
}
