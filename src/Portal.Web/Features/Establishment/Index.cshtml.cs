using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Establishment;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Guide.Result Guide { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Guide = await mediator.Send(new Guide.Query(), cancellationToken);
}
