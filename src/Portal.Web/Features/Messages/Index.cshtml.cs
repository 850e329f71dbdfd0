using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Messages;

[Authorize]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Inbox.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new Inbox.Query(), cancellationToken);

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var count = await mediator.Send(new MarkRead.Command(), cancellationToken);
        TempData["Notice"] = count == 0 ? "没有未读消息。" : $"已将 {count} 条消息标为已读。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        var marked = await mediator.Send(new MarkRead.Command { Id = id }, cancellationToken);
        TempData["Notice"] = marked == 0 ? "这条消息已是已读。" : "已将这条消息标为已读。";
        return RedirectToPage();
    }
}
