using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Promises;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public PromiseList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new PromiseList.Query(), cancellationToken);
}
