using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Account;

/// <summary>
/// 绑定身份验证器: a QR code (and the key, for typing in) for an authenticator app, confirmed with one code. Staff must
/// do this before anything else after their first password sign-in (<see cref="SecondFactor"/>); applicants may.
/// </summary>
public sealed class AuthenticatorModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public Enrol.Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    [Display(Name = "绑定后返回的页面")]
    public string? ReturnUrl { get; set; }

    public Enrol.Setup Setup { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Setup = await mediator.Send(new Enrol.Prepare(), cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var codes = await mediator.Send(Data, cancellationToken);
        TempData[RecoveryCodesModel.TempDataKey] = string.Join(' ', codes);
        return RedirectToPage("/Account/RecoveryCodes", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) => Setup = await mediator.Send(new Enrol.Prepare(), cancellationToken);
}
