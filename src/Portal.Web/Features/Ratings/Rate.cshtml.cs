using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Ratings;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

/// <summary>一事一评: the applicant rates a case's 受理 or 办理 step.</summary>
[Authorize]
public sealed class RateModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public RatingSubject Subject { get; set; }

    [BindProperty]
    public GiveCaseRating.Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = await mediator.Send(Data with { Number = Number, Subject = Subject }, cancellationToken);
        TempData["Notice"] = "感谢您的评价！";
        return Redirect($"/Ratings/View/{code}");
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
