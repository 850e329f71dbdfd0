using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

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
        TempData["Notice"] = $"已提交单独办理，办件编号 {number}。";
        return Redirect($"/Cases/{number}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new EnterpriseView.Query { CreditCode = Code, VerifyBase = $"{Request.Scheme}://{Request.Host}" }, cancellationToken);
}
