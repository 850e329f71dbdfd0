using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Materials;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;

namespace Portal.Web.Features.Enterprises;

public sealed class DetailsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "统一社会信用代码")]
    public string Code { get; set; } = "";

    public EnterpriseView.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(string item, CancellationToken cancellationToken)
    {
        var number = await mediator.Send(new StartLater.Command { CreditCode = Code, Item = item }, cancellationToken);
        // 单独办理 has no form of its own (the enterprise's data are held): what it asks to be uploaded is handed in on
        // the case page it leads to, at its 申请材料 section.
        var uploads = MaterialCatalog.ForService(EstablishmentService.AddonPrefix + item).Where(m => m.IsUpload).Select(m => $"“{m.Name}”").ToList();
        TempData["Notice"] = uploads.Count == 0
            ? $"已提交单独办理，办件编号 {number}。"
            : $"已提交单独办理，办件编号 {number}。请在本页“申请材料”中上传{string.Join("、", uploads)}。";
        return Redirect(uploads.Count == 0 ? $"/Cases/{number}" : $"/Cases/{number}#materials");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new EnterpriseView.Query { CreditCode = Code, VerifyBase = $"{Request.Scheme}://{Request.Host}" }, cancellationToken);
}
