using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Appointments;

/// <summary>One of my bookings: the code to show at the kiosk, the check-in window, and its buttons.</summary>
public sealed class DetailsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "预约码")]
    public string Code { get; set; } = "";

    public AppointmentCard View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new AppointmentDetails.Query { Code = Code }, cancellationToken);
}
