using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Connections;

/// <summary>撤回 of a whole 报装 application: lists every utility whose case it withdraws, and withdraws only when confirmed.</summary>
public sealed class WithdrawModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public WithdrawApplication.Command Data { get; set; } = new();

    public WithdrawApplication.Preview Preview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var withdrawn = await mediator.Send(Data with { Number = Number }, cancellationToken);
        TempData["Notice"] = $"已撤回报装申请，{withdrawn}项报装随之撤回。";
        return Redirect($"/Cases/{Number}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Preview = await mediator.Send(new WithdrawApplication.Query { Number = Number }, cancellationToken);
}
