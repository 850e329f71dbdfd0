using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Hall;

/// <summary>A window clerk's queue console: call, recall, no-show, serve, transfer, finish.</summary>
public sealed class WindowModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public WindowAct.Command Data { get; set; } = new();

    [BindProperty]
    public OpenVisitCase.Command Open { get; set; } = new();

    public WindowQuery.Result View { get; private set; } = null!;

    [ValidateForm(nameof(Open))]
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellationToken)
    {
        var number = await mediator.Send(Open, cancellationToken);
        TempData["Notice"] = $"已打开办件 {number} 并关联本次接待。";
        return Redirect($"/Cases/{number}");
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var number = await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = Data.Do switch
        {
            WindowAct.Action.CallNext => $"已叫号 {number}。",
            WindowAct.Action.Recall => $"已重呼 {number}。",
            WindowAct.Action.NoShow => $"{number} 已过号。",
            WindowAct.Action.Serve => $"开始办理 {number}。",
            WindowAct.Action.Transfer => $"{number} 已转到 {Data.TransferTo} 号窗口。",
            WindowAct.Action.ConfirmPriority => $"已确认 {number} 为优先号，可以开始办理。",
            WindowAct.Action.DeclinePriority => $"{number} 已改为普通号，按取号顺序重新排队；请叫下一号。",
            _ => $"{number} 已办结。",
        };
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new WindowQuery.Query(), cancellationToken);
}
