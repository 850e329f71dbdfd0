using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Web.Common;

namespace Portal.Web.Features.Dashboard;

[Authorize(Roles = Roles.Supervisor + "," + Roles.Admin)]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "开始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "结束日期")]
    public DateOnly? To { get; set; }

    public Statistics.Result Result { get; private set; } = null!;

    /// <summary>The 好差评 figures of the same period (the /Ratings statistics, with the per-staff table).</summary>
    public Ratings.RatingStatistics.Result Ratings { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(From, To, cancellationToken);

    /// <summary>/Dashboard?handler=Export&amp;table=service&amp;format=csv|xlsx&amp;from=…&amp;to=…</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken)
    {
        var file = await mediator.Send(new Download.Query { From = From, To = To, Table = table ?? "", Format = format ?? "" }, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>After a refused period the page shows this month instead, with the reason.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        From = null;
        To = null;
        await LoadAsync(null, null, cancellationToken);
    }

    private async Task LoadAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        Result = await mediator.Send(new Statistics.Query { From = from, To = to }, cancellationToken);
        Ratings = await mediator.Send(new Ratings.RatingStatistics.Query { From = Result.Period.From, To = Result.Period.To }, cancellationToken);
    }
}
