using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Hall;

/// <summary>The kiosk (取号机) page: anyone takes a number, with priority for the elderly, disabled and pregnant.</summary>
[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public TakeTicket.Command Data { get; set; } = new();

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = await mediator.Send(Data, cancellationToken);
        return Redirect($"/Hall/Ticket/{code}");
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
