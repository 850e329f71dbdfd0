using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Account;

[AllowAnonymous]
public sealed class RegisterModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public Register.Command Data { get; set; } = new();

    public void OnGet()
    {
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        return RedirectToPage("/Account/Login", new { Registered = true });
    }
}
