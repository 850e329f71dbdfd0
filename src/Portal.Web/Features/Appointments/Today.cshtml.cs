using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Appointments;

/// <summary>今日预约 (read-only): each category's slots of the day, who booked them and how many places are taken.</summary>
public sealed class TodayModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "日期")]
    public DateOnly? Date { get; set; }

    public DayAppointments.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new DayAppointments.Query { Date = Date }, cancellationToken);
}
