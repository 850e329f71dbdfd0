using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Cases;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Workbench;

/// <summary>
/// 工作台: one page with the person's 待办 list (filters in the query string), the 容缺 commitments coming due, the
/// cases waiting for an applicant's 补正, the rejection proposals waiting for a supervisor and the shared cancellations.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "事项")]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "状态")]
    public CaseState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "时限")]
    public DeadlineStatus? Deadline { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "搜索")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "我负责的")]
    public bool Mine { get; set; }

    /// <summary>The page of the 待办 list (1 = the most urgent <see cref="Queue.PageSize"/>).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "页码")]
    public int PageNumber { get; set; } = 1;

    /// <summary>下一页: the (deadline, case) key of the last row of the page before (keyset paging; see <see cref="Queue.Cursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "下一页位置")]
    public string? After { get; set; }

    /// <summary>上一页: the key of the first row of the page after.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "上一页位置")]
    public string? Before { get; set; }

    /// <summary>The 登记补齐 form of a 容缺 row.</summary>
    [BindProperty]
    public SupplyTolerance.Command Data { get; set; } = new();

    public Queue.Result Result { get; private set; } = null!;

    public ToleranceQueue.Result Commitments { get; private set; } = null!;

    public SupplementQueue.Result Supplements { get; private set; } = null!;

    /// <summary>Only for supervisors and administrators.</summary>
    public RejectionQueue.Result? Proposals { get; private set; }

    /// <summary>差评 follow-ups (好差评), for supervisors: overdue rectifications are red.</summary>
    public Ratings.FollowUpList.Result? FollowUps { get; private set; }

    /// <summary>The filters as query-string values, so links and forms keep them.</summary>
    public Dictionary<string, string> Filters => Queue.Filters(Service, State, Deadline, Search, Mine);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostSupplyAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = $"已登记办件 {Data.Number} 的容缺材料补齐。";
        return RedirectToPage(Filters.ToDictionary(f => f.Key, f => (object?)f.Value));
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Result = await mediator.Send(new Queue.Query { Service = Service, State = State, Deadline = Deadline, Search = Search, Mine = Mine, Page = PageNumber, After = After, Before = Before }, cancellationToken);
        Commitments = await mediator.Send(new ToleranceQueue.Query(), cancellationToken);
        Supplements = await mediator.Send(new SupplementQueue.Query(), cancellationToken);
        Proposals = Result.SeesRejections ? await mediator.Send(new RejectionQueue.Query(), cancellationToken) : null;
        FollowUps = Result.SeesRejections ? await mediator.Send(new Ratings.FollowUpList.Query(), cancellationToken) : null;
    }
}
