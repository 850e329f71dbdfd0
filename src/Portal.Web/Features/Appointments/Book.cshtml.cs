using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

namespace Portal.Web.Features.Appointments;

/// <summary>预约 and 改约: pick the category, then a working day, then a slot with places left.</summary>
public sealed class BookModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "业务类别")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "预约日期")]
    public DateOnly? Date { get; set; }

    /// <summary>改约: the code of the booking being changed.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "改约的预约")]
    public string? Change { get; set; }

    [BindProperty]
    public BookAppointment.Command Data { get; set; } = new();

    public BookingForm.Result Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = string.IsNullOrWhiteSpace(Change)
            ? await mediator.Send(Data, cancellationToken)
            : await mediator.Send(new ChangeAppointment.Command { Code = Change, Date = Data.Date, SlotKey = Data.SlotKey }, cancellationToken);
        TempData["Notice"] = string.IsNullOrWhiteSpace(Change)
            ? $"预约成功，预约码 {AppointmentCodes.Display(code)}。"
            : $"改约成功，原预约已取消，新的预约码 {AppointmentCodes.Display(code)}。";
        return Redirect($"/Appointments/{code}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        // After a refused post, show the day that was being booked.
        Category ??= string.IsNullOrEmpty(Data.Category) ? null : Data.Category;
        Date ??= Data.Date == default ? null : Data.Date;
        Form = await mediator.Send(new BookingForm.Query { Category = Category, Date = Date, Change = Change }, cancellationToken);
    }
}
