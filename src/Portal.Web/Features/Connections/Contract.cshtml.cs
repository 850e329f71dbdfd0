using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Connections;

/// <summary>专营单位签章: the utility's signing form, starting from terms suggested by the application's data.</summary>
public sealed class ContractModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public SignContract.Command Data { get; set; } = new();

    public ContractDraft.Result Draft { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        var t = Draft.Suggested;
        Data = new SignContract.Command { Capacity = t.Capacity, Price = t.Price, UtilityDuties = t.UtilityDuties, CustomerDuties = t.CustomerDuties, ExpectedVersion = Draft.Version };
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已签章供用合同，等待申请人确认。";
        return Redirect($"/Cases/{Number}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Draft = await mediator.Send(new ContractDraft.Query { Number = Number }, cancellationToken);
}
