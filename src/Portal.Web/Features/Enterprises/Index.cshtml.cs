using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Enterprises;

namespace Portal.Web.Features.Enterprises;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<Enterprise> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await mediator.Send(new MyEnterprises.Query(), cancellationToken);
}
