using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Features.Enterprises;

namespace Portal.Web.Features.Hall;

/// <summary>A ticket's own page (printed QR or phone): the number, how many are ahead and the estimated wait.</summary>
[AllowAnonymous]
public sealed class TicketModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "排队号码")]
    public string Code { get; set; } = "";

    public TicketView.Result View { get; private set; } = null!;

    public string QrSvg { get; private set; } = "";

    public string TicketUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new TicketView.Query { Code = Code }, cancellationToken);
        TicketUrl = $"{Request.Scheme}://{Request.Host}/Hall/Ticket/{Code}";
        QrSvg = Licence.QrSvg(TicketUrl);
    }
}
