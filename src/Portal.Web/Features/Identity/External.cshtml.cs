using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;

namespace Portal.Web.Features.Identity;

/// <summary>
/// 统一身份认证 (OpenID Connect): “使用统一身份认证登录” from the sign-in page, “使用统一身份认证核验” from 我的实名等级,
/// and the return from the provider. The handler (ASP.NET Core's) checks the provider's signed id_token; this page
/// only reads its verified name and ID number and sends them to <see cref="ExternalIdentity"/>.
/// </summary>
[AllowAnonymous]
public sealed partial class ExternalModel(IMediator mediator, SignInManager<PortalUser> signIn, UserManager<PortalUser> users, CurrentUser me, IOptions<IdentityProviderOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "登录后返回的页面")]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "方式")]
    public string? Mode { get; set; }

    /// <summary>The Chinese reason shown when the provider's answer could not be used.</summary>
    public string? Problem { get; private set; }

    private IdentityProviderOptions Provider => options.Value;

    public IActionResult OnGet() => Redirect("/Account/Login");

    public IActionResult OnPostSignIn()
    {
        EnsureEnabled();
        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var redirect = "/Identity/External?handler=Callback&mode=signin" + (back is null ? "" : "&returnUrl=" + Uri.EscapeDataString(back));
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(IdentityProviderOptions.Scheme, redirect), IdentityProviderOptions.Scheme);
    }

    public IActionResult OnPostVerify()
    {
        EnsureEnabled();
        if (!me.IsSignedIn)
        {
            throw new NotSignedInException();
        }

        if (!me.IsInRole(Roles.Applicant))
        {
            throw new ForbiddenException("工作人员账号无需实名核验。");
        }

        // The signed-in account's id goes with the challenge: the answer is only accepted for this same account.
        var properties = signIn.ConfigureExternalAuthenticationProperties(IdentityProviderOptions.Scheme, "/Identity/External?handler=Callback&mode=verify", me.Id);
        return Challenge(properties, IdentityProviderOptions.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken cancellationToken)
    {
        EnsureEnabled();
        var verify = Mode == "verify";
        if (verify && !me.IsSignedIn)
        {
            throw new NotSignedInException();
        }

        var info = await signIn.GetExternalLoginInfoAsync(verify ? me.Id : null);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null || info.LoginProvider != IdentityProviderOptions.Scheme)
        {
            Problem = $"{Provider.DisplayName}未返回有效的登录结果，请重试。";
            return Page();
        }

        var outcome = await mediator.Send(
            new ExternalIdentity.Command
            {
                ProviderKey = info.ProviderKey,
                Name = Claim(info.Principal, Provider.NameClaim),
                IdNumber = Claim(info.Principal, Provider.IdNumberClaim),
                Phone = Provider.PhoneClaim is { } phone ? Claim(info.Principal, phone) : null,
                VerifyUserId = verify ? me.Id : null,
            },
            cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            Problem = refusal;
            return Page();
        }

        TempData["Notice"] = outcome.Notice;
        if (verify)
        {
            // The level is read from the database on each page, but the cookie is refreshed to carry the new stamp.
            await signIn.RefreshSignInAsync((await users.FindByIdAsync(outcome.UserId))!);
            return Redirect("/Identity");
        }

        var user = (await users.FindByIdAsync(outcome.UserId))!;
        await signIn.SignInAsync(user, isPersistent: false, IdentityProviderOptions.Scheme);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : CurrentUser.HomePathFor(await users.GetRolesAsync(user)));
    }

    public IActionResult OnGetFailed()
    {
        Problem = $"{Provider.DisplayName}未完成（已取消、超时或认证平台暂时无法访问），请重试，或使用手机号和密码登录。";
        return Page();
    }

    private void EnsureEnabled()
    {
        if (!Provider.Enabled)
        {
            throw new NotFoundException();
        }
    }

    private static string? Claim(ClaimsPrincipal principal, string type) => principal.FindFirst(type)?.Value;
}
