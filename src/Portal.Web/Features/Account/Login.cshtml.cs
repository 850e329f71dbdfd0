using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public SignIn.Command Data { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    [Display(Name = "登录后返回的页面")]
    public string? ReturnUrl { get; set; }

    /// <summary>Coming from 实名注册: the same notice whether an account was created or one existed already.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "注册已提交")]
    public bool Registered { get; set; }

    public void OnGet()
    {
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await mediator.Send(Data with { ReturnUrl = Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : null }, cancellationToken);
        return LocalRedirect(result.NextPath);
    }
}
