using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;

namespace Portal.Web.Features.Account;

/// <summary>
/// New recovery codes, shown once: they come from the post that made them through TempData (an encrypted cookie, read
/// once and then deleted). Identity keeps the unused codes in its token table; a used code is removed there.
/// </summary>
public sealed class RecoveryCodesModel(CurrentUser me) : PageModel
{
    public const string TempDataKey = "portal.recovery-codes";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "返回的页面")]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public string ContinuePath => Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : me.HomePath;

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string codes)
        {
            return RedirectToPage("/Account/Security");
        }

        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
