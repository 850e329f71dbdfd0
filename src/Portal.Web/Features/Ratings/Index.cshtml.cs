using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Ratings;

/// <summary>好差评 statistics, public (no sign-in); supervisors and administrators also see and download the per-staff table.</summary>
[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "开始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "结束日期")]
    public DateOnly? To { get; set; }

    public RatingStatistics.Result Result { get; private set; } = null!;

    /// <summary>How a 差评 is followed up, drawn from its workflow.</summary>
    public WorkflowDiagram FollowUpDiagram { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await mediator.Send(new RatingStatistics.Query { From = From, To = To }, cancellationToken);
        FollowUpDiagram = await mediator.Send(new FollowUpGuide.Query(), cancellationToken);
    }

    /// <summary>/Ratings?handler=Export&amp;table=service|unit|window|staff|rectified&amp;format=csv|xlsx&amp;from=…&amp;to=…</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, string? format, CancellationToken cancellationToken)
    {
        var file = table == RatingTables.Staff
            ? await mediator.Send(new RatingStaffDownload.Query { From = From, To = To, Format = format }, cancellationToken)
            : await mediator.Send(new RatingStatisticsDownload.Query { From = From, To = To, Table = table ?? "", Format = format }, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>After a refused period the page shows this month instead, with the reason.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        From = null;
        To = null;
        Result = await mediator.Send(new RatingStatistics.Query(), cancellationToken);
        FollowUpDiagram = await mediator.Send(new FollowUpGuide.Query(), cancellationToken);
    }
}
