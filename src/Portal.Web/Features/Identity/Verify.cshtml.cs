using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Identity;

/// <summary>
/// 实名核验 at the window: the clerk finds the applicant's account by mobile number or ID number, types the name and
/// ID number from the ID card in front of them, and the account is verified when both match what it registered.
/// </summary>
public sealed class VerifyModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "手机号或身份证号")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "账号")]
    public string? Account { get; set; }

    [BindProperty]
    public VerifyAccount.Command Data { get; set; } = new();

    public FindAccounts.Result Found { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Data with { UserId = Account ?? "" }, cancellationToken);
        TempData["Notice"] = $"已完成实名核验：{result}。";
        return Redirect($"/Identity/Verify?search={Uri.EscapeDataString(Search ?? "")}&account={Uri.EscapeDataString(Account ?? "")}");
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Found = await mediator.Send(new FindAccounts.Query { Search = Search, Account = Account }, cancellationToken);
}
