using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;

namespace Portal.Web.Features.Admin;

/// <summary>账号管理: find an account by user name or name; open it to change roles, lock it, reset its password or authenticator.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AccountsModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "搜索")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "页码")]
    public int PageNumber { get; set; } = 1;

    public AccountList.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new AccountList.Query { Search = Search, Page = PageNumber }, cancellationToken);
}
