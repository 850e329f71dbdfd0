using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Features.Hall;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// Where a served ticket's rating link leads (一次一评, no account needed). The rating form itself belongs to the
/// 好差评 module; until it is live this page identifies the visit and says so.
/// </summary>
[AllowAnonymous]
public sealed class VisitModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public TicketView.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new TicketView.Query { Code = Code }, cancellationToken);
}
