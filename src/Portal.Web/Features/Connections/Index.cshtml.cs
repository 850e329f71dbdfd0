using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Connections;

namespace Portal.Web.Features.Connections;

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>One utility's guide, or (empty) the joint application's.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "报装类别")]
    public string? Utility { get; set; }

    public Guide.Result Guide { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Guide = await mediator.Send(new Guide.Query { Utility = Enum.TryParse<Utility>(Utility, true, out var u) && !int.TryParse(Utility, out _) ? u : null }, cancellationToken);
}
