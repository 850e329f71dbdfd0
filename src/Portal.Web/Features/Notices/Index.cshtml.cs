using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Notices;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public NoticeList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new NoticeList.Query(), cancellationToken);
}
