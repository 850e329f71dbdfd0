using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Appointments;

/// <summary>签到 at the kiosk, without an account: the 预约码 gives the booking's queue ticket.</summary>
[AllowAnonymous]
public sealed class CheckInModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public CheckInAppointment.Command Data { get; set; } = new();

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var ticket = await mediator.Send(Data, cancellationToken);
        return Redirect($"/Hall/Ticket/{ticket.AccessCode}");
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
