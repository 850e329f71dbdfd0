using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>我的预约: the signed-in person's bookings with their codes, and change, cancel and check-in.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public CancelAppointment.Command Data { get; set; } = new();

    public IReadOnlyList<AppointmentCard> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = $"预约 {AppointmentCodes.Display(AppointmentCodes.Normalize(Data.Code))} 已取消，该时段的名额已释放。";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Rows = await mediator.Send(new MyAppointments.Query(), cancellationToken);
}
