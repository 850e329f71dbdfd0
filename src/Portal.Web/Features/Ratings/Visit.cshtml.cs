using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Features.Hall;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// 一次一评: whoever holds a served ticket (its QR code, or the counter tablet showing it) rates the visit once,
/// without an account.
/// </summary>
[AllowAnonymous]
public sealed class VisitModel(IMediator mediator, PortalDbContext db) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "排队号码")]
    public string Code { get; set; } = "";

    [BindProperty]
    public GiveVisitRating.Command Data { get; set; } = new();

    public TicketView.Result View { get; private set; } = null!;

    /// <summary>The rating's own code when the visit has been rated (only the ticket's holder reaches this page).</summary>
    public string? RatedCode { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = await mediator.Send(Data with { Code = Code }, cancellationToken);
        TempData["Notice"] = "感谢您的评价！";
        return Redirect($"/Ratings/View/{code}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new TicketView.Query { Code = Code }, cancellationToken);
        var ticketId = await db.Tickets.AsNoTracking().Where(t => t.AccessCode == Code).Select(t => t.Id).SingleAsync(cancellationToken);
        var key = Rating.KeyFor(ticketId);
        RatedCode = await db.Ratings.AsNoTracking().Where(r => r.SubjectKey == key).Select(r => r.AccessCode).FirstOrDefaultAsync(cancellationToken);
    }
}
