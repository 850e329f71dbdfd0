using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Ratings;

[Authorize(Roles = Roles.Supervisor + "," + Roles.Admin)]
public sealed class FollowUpModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "差评整改记录")]
    public long Id { get; set; }

    [BindProperty]
    public ActOnFollowUp.Command Act { get; set; } = new();

    [BindProperty]
    public DecideAppeal.Command Decision { get; set; } = new();

    public FollowUpDetail.Result Detail { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Act))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Act with { Id = Id }, cancellationToken);
        TempData["Notice"] = "已保存。";
        return RedirectToPage(new { Id });
    }

    [ValidateForm(nameof(Decision))]
    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Decision, cancellationToken);
        TempData["Notice"] = Decision.Upheld ? "已决定申诉成立，该评价不计入统计。" : "已决定申诉不成立。";
        return RedirectToPage(new { Id });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Detail = await mediator.Send(new FollowUpDetail.Query { Id = Id }, cancellationToken);
}
