using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Promises;

[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public EditLimit.Command Data { get; set; } = new();

    [BindProperty]
    [Display(Name = "城市方案")]
    public string? Profile { get; set; }

    public ProfileEditor.Result Editor { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostLimitAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = "时限已保存，新开始的环节按新时限计算；已开始的环节保持原时限。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SwitchProfile.Command { Profile = Profile ?? "" }, cancellationToken);
        TempData["Notice"] = "已切换适用的政策配置。";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Editor = await mediator.Send(new ProfileEditor.Query(), cancellationToken);
}
