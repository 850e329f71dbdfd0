using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Web.Common;
using Portal.Web.Common.Forms;

namespace Portal.Web.Features.Notices;

[AllowAnonymous]
public sealed class DetailsModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "公告编号")]
    public string Number { get; set; } = "";

    [BindProperty]
    public FileResponse.Command Data { get; set; } = new();

    public NoticeView.Result View { get; private set; } = null!;

    /// <summary>The one-time key of the form shown now (a new one after each stored submission).</summary>
    public string SubmissionKey { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SubmissionKey = Guid.NewGuid().ToString("N");
        await ReloadAsync(cancellationToken);
    }

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var receipt = await mediator.Send(Data with { Number = Number, Client = client }, cancellationToken);
        TempData["Notice"] = receipt;
        return RedirectToPage(new { Number });
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        // After a refused post the same key is kept, so a retry of the same form is still stored only once.
        if (string.IsNullOrEmpty(SubmissionKey))
        {
            SubmissionKey = string.IsNullOrEmpty(Data.SubmissionKey) ? Guid.NewGuid().ToString("N") : Data.SubmissionKey;
        }

        View = await mediator.Send(new NoticeView.Query { Number = Number }, cancellationToken);
    }
}
