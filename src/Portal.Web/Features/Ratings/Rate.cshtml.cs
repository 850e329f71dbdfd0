using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Ratings;

/// <summary>一事一评: the applicant rates a case's 受理 or 办理 step.</summary>
[Authorize]
public sealed class RateModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "评价环节")]
    public RatingSubject Subject { get; set; }

    [BindProperty]
    public GiveCaseRating.Command Data { get; set; } = new();

    /// <summary>The rating already given for this step (its page), when there is one.</summary>
    public CaseRatingLinks.Link? Given { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = await mediator.Send(Data with { Number = Number, Subject = Subject }, cancellationToken);
        TempData["Notice"] = "感谢您的评价！";
        return Redirect($"/Ratings/View/{code}");
    }

    /// <summary>Only the applicant, only a step that can be rated now or was rated (一事一评); anything else is not found.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var link = (await mediator.Send(new CaseRatingLinks.Query { Number = Number }, cancellationToken)).FirstOrDefault(l => l.Subject == Subject)
            ?? throw new NotFoundException("该办件暂不能评价此环节，或该办件不属于您。");
        Given = link.Rated ? link : null;
    }
}
