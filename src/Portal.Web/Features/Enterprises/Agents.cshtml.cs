using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Enterprises;

/// <summary>经办人授权: the legal representative names an agent for named services and revokes them.</summary>
public sealed class AgentsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "统一社会信用代码")]
    public string Code { get; set; } = "";

    [BindProperty]
    public Agents.Grant.Command Data { get; set; } = new();

    /// <summary>The authorisation a revoke button ends.</summary>
    [BindProperty]
    [Display(Name = "授权记录")]
    public long RevokeId { get; set; }

    public Agents.View.Result View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = await mediator.Send(Data with { CreditCode = Code }, cancellationToken);
        TempData["Notice"] = $"已授权经办人{name}。";
        return Redirect($"/Enterprises/{Code}/Agents");
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        var name = await mediator.Send(new Agents.Revoke.Command { CreditCode = Code, Id = RevokeId }, cancellationToken);
        TempData["Notice"] = $"已撤销经办人{name}的授权，即时生效。";
        return Redirect($"/Enterprises/{Code}/Agents");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        View = await mediator.Send(new Agents.View.Query { CreditCode = Code }, cancellationToken);
}
