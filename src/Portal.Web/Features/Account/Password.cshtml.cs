using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Account;

/// <summary>修改密码: the new password follows the portal's rule; the person's other sessions end.</summary>
public sealed class PasswordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public ChangePassword.Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var ended = await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = ended == 0 ? "密码已修改。" : $"密码已修改，其他设备上的{ended}处登录已退出。";
        return RedirectToPage("/Account/Security");
    }
}
