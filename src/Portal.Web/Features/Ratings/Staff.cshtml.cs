using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Ratings;

[Authorize]
public sealed class StaffModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public FileAppeal.Command Appeal { get; set; } = new();

    public StaffRatings.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Appeal))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Appeal, cancellationToken);
        TempData["Notice"] = "已提出申诉，将由督查人员决定。";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new StaffRatings.Query(), cancellationToken);
}
