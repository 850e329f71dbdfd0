using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Cases;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<MyCases.Row> Rows { get; private set; } = [];

    public IReadOnlyList<MyDrafts.Row> Drafts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await mediator.Send(new MyCases.Query(), cancellationToken);
        Drafts = await mediator.Send(new MyDrafts.Query(), cancellationToken);
    }
}
