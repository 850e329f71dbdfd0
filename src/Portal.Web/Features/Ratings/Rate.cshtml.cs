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

    /// <summary>The form's state: open, the rating already given, not yet (and when), or rated per utility.</summary>
    public CaseRatingForm.Result State { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = await mediator.Send(Data with { Number = Number, Subject = Subject }, cancellationToken);
        TempData["Notice"] = "感谢您的评价！";
        return Redirect($"/Ratings/View/{code}");
    }

    /// <summary>Only the applicant's own case (anyone else's is not found); a step not ready yet says when it can be rated.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        State = await mediator.Send(new CaseRatingForm.Query { Number = Number, Subject = Subject }, cancellationToken);
}
