using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

namespace Portal.Web.Features.Connections;

/// <summary>The supply contracts of an application with their terms; the applicant confirms every waiting one here.</summary>
public sealed class ContractsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public ConfirmContracts.Command Data { get; set; } = new();

    public ContractList.Result List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var confirmed = await mediator.Send(Data with { Number = Number }, cancellationToken);
        TempData["Notice"] = $"已确认{confirmed}份供用合同，各专营单位将安排接通。";
        return Redirect($"/Cases/{Number}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        List = await mediator.Send(new ContractList.Query { Number = Number }, cancellationToken);
}
