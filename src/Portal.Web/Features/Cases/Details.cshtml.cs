using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Cases;
using Portal.Web.Common;

namespace Portal.Web.Features.Cases;

public sealed class DetailsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public Act.Command Data { get; set; } = new();

    [BindProperty]
    public SubItemAct.Command Item { get; set; } = new();

    [BindProperty]
    public Deregistration.DecideObjection.Command Objection { get; set; } = new();

    [BindProperty]
    public Deregistration.ConfirmShare.Command Share { get; set; } = new();

    public CaseView.Result View { get; private set; } = null!;

    [BindProperty]
    public Connections.ScheduleSurvey.Command Survey { get; set; } = new();

    [BindProperty]
    public Connections.SetDesignBudget.Command Budget { get; set; } = new();

    /// <summary>注销's own part of the page, for deregistration cases.</summary>
    public Deregistration.CasePanel.Result? Panel { get; private set; }

    /// <summary>报装's own part of the page, for connection cases.</summary>
    public Connections.ConnectionPanel.Result? Connection { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data with { Number = Number }, cancellationToken);
        TempData["Notice"] = Data.Trigger.DoneNotice();
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostItemAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Item with { Number = Number }, cancellationToken);
        TempData["Notice"] = $"已{SubItemWorkflow.Label(Item.Trigger)}。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostObjectionAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Objection with { Number = Number }, cancellationToken);
        TempData["Notice"] = Objection.Upheld ? "已认定异议成立，简易注销终止。" : "已认定异议不成立。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostShareAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Share with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已确认收到注销信息。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostSurveyAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Survey with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已安排踏勘，各专营单位同时收到通知。";
        return RedirectToPage(new { Number });
    }

    [BindProperty]
    public HandOver.Command Transfer { get; set; } = new();

    public async Task<IActionResult> OnPostHandOverAsync(CancellationToken cancellationToken)
    {
        var name = await mediator.Send(Transfer with { Number = Number }, cancellationToken);
        TempData["Notice"] = $"已移交首问负责人：{name}。";
        return RedirectToPage(new { Number });
    }

    public async Task<IActionResult> OnPostBudgetAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Budget with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已录入设计预算。";
        return RedirectToPage(new { Number });
    }

    /// <summary>申请材料 (Features/Materials): the list, the files and their review.</summary>
    public Materials.CasePanel.Result? MaterialPanel { get; private set; }

    /// <summary>一事一评 links for the case's applicant.</summary>
    public IReadOnlyList<Ratings.CaseRatingLinks.Link> RatingLinks { get; private set; } = [];

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        View = await mediator.Send(new CaseView.Query { Number = Number }, cancellationToken);
        RatingLinks = View.IsStaff ? [] : await mediator.Send(new Ratings.CaseRatingLinks.Query { Number = Number }, cancellationToken);
        Panel = Features.Deregistration.DeregistrationService.IsDeregistration(View.ServiceCode)
            ? await mediator.Send(new Deregistration.CasePanel.Query { Number = Number }, cancellationToken)
            : null;
        MaterialPanel = await mediator.Send(new Materials.CasePanel.Query { Number = Number }, cancellationToken);
        Connection = Features.Connections.ConnectionService.IsConnection(View.ServiceCode)
            ? await mediator.Send(new Connections.ConnectionPanel.Query { Number = Number }, cancellationToken)
            : null;
    }
}
