using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Verify;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public VerifyLicence.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(string code, CancellationToken cancellationToken) =>
        Result = await mediator.Send(new VerifyLicence.Query { Code = code }, cancellationToken);
}
