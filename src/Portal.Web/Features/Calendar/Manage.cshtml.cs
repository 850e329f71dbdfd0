using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Calendar;

[Authorize(Roles = Roles.Admin)]
public sealed class ManageModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "年份")]
    public int? Year { get; set; }

    [BindProperty]
    public SaveDay.Command Data { get; set; } = new();

    public CalendarYearView.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [BindProperty]
    public SaveYear.Command Arrangement { get; set; } = new();

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostDayAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = $"已保存{Data.Date:yyyy-MM-dd}。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = Data.Date?.Year });
    }

    public async Task<IActionResult> OnPostDeleteAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteDay.Command { Date = date }, cancellationToken);
        TempData["Notice"] = $"已删除{date:yyyy-MM-dd}的安排，该日按普通工作日/周末计算（未录入国务院安排的年份按法定节假日计算）。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = date.Year });
    }

    public async Task<IActionResult> OnPostYearAsync(int newYear, string? source, CancellationToken cancellationToken)
    {
        await mediator.Send(new MarkYear.Command { Year = newYear, Source = source ?? "" }, cancellationToken);
        TempData["Notice"] = $"已登记{newYear}年节假日数据来源。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = newYear });
    }

    public async Task<IActionResult> OnPostArrangementAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Arrangement, cancellationToken);
        TempData["Notice"] = $"已录入{Arrangement.Year}年的节假日安排。" + await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year = Arrangement.Year });
    }

    public async Task<IActionResult> OnPostRecomputeAsync(CancellationToken cancellationToken)
    {
        TempData["Notice"] = await RecomputeAsync(cancellationToken);
        return RedirectToPage(new { Year });
    }

    /// <summary>Counts stored deadlines again after a change (its own transaction, after the change committed).</summary>
    private async Task<string> RecomputeAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new RecomputeDeadlines.Command(), cancellationToken);
        return result.Changed == 0
            ? "没有办件的承诺时限受此影响。"
            : $"已按新的节假日安排重新计算{result.Changed}件办件的承诺时限，办件进度中记录了调整前后的时限，并已通知申请人和承办人员。";
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new CalendarYearView.Query { Year = Year }, cancellationToken);
}
