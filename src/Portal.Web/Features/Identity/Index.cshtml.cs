using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Identity;

/// <summary>我的实名等级: the applicant's identity level, who verified it and when, what each level may do and how to raise it.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public MyIdentity.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new MyIdentity.Query(), cancellationToken);
}
