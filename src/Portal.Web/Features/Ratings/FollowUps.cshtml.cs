using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;

namespace Portal.Web.Features.Ratings;

[Authorize(Roles = Roles.Supervisor + "," + Roles.Admin)]
public sealed class FollowUpsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "显示已办结")]
    public bool IncludeClosed { get; set; }

    public FollowUpList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new FollowUpList.Query { IncludeClosed = IncludeClosed }, cancellationToken);
}
