using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Connections;

/// <summary>涉路、涉树施工计划 (000:177): the utility registers the route and dates; the lead time before the works is checked.</summary>
public sealed class WorksModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public PlanWorks.Command Data { get; set; } = new();

    public ConnectionPanel.Result Panel { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已登记施工计划。";
        return Redirect($"/Cases/{Number}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Panel = await mediator.Send(new ConnectionPanel.Query { Number = Number }, cancellationToken);
        if (Panel.Utility is not { CanPlanWorks: true })
        {
            throw new NotFoundException("该办件无需或不能由您登记施工计划。");
        }
    }
}
