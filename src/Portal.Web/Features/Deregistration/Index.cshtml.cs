using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Deregistration;

namespace Portal.Web.Features.Deregistration;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>Which route's guide: simple (default) or ordinary.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "注销方式")]
    public DeregistrationRoute Route { get; set; } = DeregistrationRoute.Simple;

    public Guide.Result Guide { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Guide = await mediator.Send(new Guide.Query { Route = Route }, cancellationToken);
}
