using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

namespace Portal.Web.Features.Account;

/// <summary>账号安全: password, second factor, recovery codes and the person's other sessions.</summary>
public sealed class SecurityModel(IMediator mediator) : PageModel, IReloadablePage
{
    public AccountSecurity.Status Status { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Status = await mediator.Send(new AccountSecurity.Query(), cancellationToken);

    public async Task<IActionResult> OnPostRenewCodesAsync(CancellationToken cancellationToken)
    {
        var codes = await mediator.Send(new AccountSecurity.RenewRecoveryCodes(), cancellationToken);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes);
        return RedirectToPage("/Account/RecoveryCodes", new { ReturnUrl = "/Account/Security" });
    }

    public async Task<IActionResult> OnPostResetAuthenticatorAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new AccountSecurity.ResetAuthenticator(), cancellationToken);
        return RedirectToPage("/Account/Authenticator", new { ReturnUrl = "/Account/Security" });
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new AccountSecurity.Disable(), cancellationToken);
        TempData["Notice"] = "已关闭二次验证。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync(CancellationToken cancellationToken)
    {
        var ended = await mediator.Send(new AccountSecurity.EndOtherSessions(), cancellationToken);
        TempData["Notice"] = ended == 0 ? "没有其他设备上的登录。" : $"已退出其他设备上的{ended}处登录。";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => Status = await mediator.Send(new AccountSecurity.Query(), cancellationToken);
}
