using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Ratings;

/// <summary>The rater's own page of a rating (reached with its access code): the rating, the 差评 follow-up, the answer.</summary>
[AllowAnonymous]
public sealed class ViewModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "评价码")]
    public string Code { get; set; } = "";

    [BindProperty]
    public RespondToFollowUp.Command Answer { get; set; } = new();

    public RatingView.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Answer))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var state = await mediator.Send(Answer with { Code = Code }, cancellationToken);
        TempData["Notice"] = state == FollowUpState.Reviewing ? "已申请复核，督查人员将重新处理。" : "感谢您对整改结果的评价，本条差评处理完毕。";
        return RedirectToPage(new { Code });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new RatingView.Query { Code = Code }, cancellationToken);
}
