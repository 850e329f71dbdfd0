using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Web.Features.Home;

/// <summary>大字版: switches the large-text display with a cookie, so it works without JavaScript.</summary>
[AllowAnonymous]
public sealed class TextSizeModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(bool large, string? returnUrl)
    {
        Response.Cookies.Append("portal.text", large ? "large" : "normal", new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
