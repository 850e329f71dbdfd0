using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;

namespace Portal.Web.Features.Supervision;

[Authorize(Roles = Roles.Supervisor + "," + Roles.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Overview.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new Overview.Query(), cancellationToken);
}
