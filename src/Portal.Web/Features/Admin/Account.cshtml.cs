using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Admin;

/// <summary>One account, for an administrator: roles, lock, password reset, authenticator reset, ending its sessions.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AccountModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "账号")]
    public string Id { get; set; } = "";

    [BindProperty]
    public AccountAdmin.SetRoles Data { get; set; } = new();

    [BindProperty]
    public AccountAdmin.ResetPassword Password { get; set; } = new();

    public AccountAdmin.Details Account { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken) =>
        DoAsync(Data with { UserId = Id }, "已变更角色，该账号已有的登录已失效。", cancellationToken);

    public Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken) =>
        DoAsync(new AccountAdmin.Lock { UserId = Id }, "已锁定账号，该账号已有的登录已失效。", cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken) =>
        DoAsync(new AccountAdmin.Unlock { UserId = Id }, "已解除锁定。", cancellationToken);

    /// <summary>The password form binds to its own property; a refusal of the reset (Identity's own password rules) is shown under it by PortalExceptionFilter.</summary>
    [ValidateForm(nameof(Password))]
    public Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken) =>
        DoAsync(Password with { UserId = Id }, "已重置密码，该账号已有的登录已失效。请将新密码当面或通过安全渠道告知本人。", cancellationToken);

    public Task<IActionResult> OnPostResetAuthenticatorAsync(CancellationToken cancellationToken) =>
        DoAsync(new AccountAdmin.ResetAuthenticator { UserId = Id }, "已重置身份验证器，该账号下次登录时须重新绑定。", cancellationToken);

    public Task<IActionResult> OnPostEndSessionsAsync(CancellationToken cancellationToken) =>
        DoAsync(new AccountAdmin.EndSessions { UserId = Id }, "已结束该账号的全部登录。", cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Account = await mediator.Send(new AccountAdmin.Query { UserId = Id }, cancellationToken);

    private async Task<IActionResult> DoAsync(IRequest<Unit> command, string notice, CancellationToken cancellationToken)
    {
        await mediator.Send(command, cancellationToken);
        TempData["Notice"] = notice;
        return RedirectToPage(new { id = Id });
    }
}
