using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Account;

/// <summary>The second step of signing in: the authenticator's 6-digit code, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class SecondFactorModel(IMediator mediator, SignInManager<PortalUser> signIn) : PageModel
{
    [BindProperty]
    public SecondFactorSignIn.Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    [Display(Name = "登录后返回的页面")]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The password step was not passed (or more than 5 minutes ago): start again.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToPage("/Account/Login", new { ReturnUrl })
            : Page();
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Data with { ReturnUrl = Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : null }, cancellationToken);
        return LocalRedirect(result.NextPath);
    }
}
