using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Materials;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 申请材料 of one case: the list, the files (PDF and images shown in the page), uploads by the applicant side,
/// the per-item review and the 一次性告知 built from it, and the answer to it. The case page shows the same panel
/// (_CaseMaterials) and posts its forms here; a refused post is shown here with the reasons.
/// </summary>
[RequestSizeLimit(MaterialLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaterialLimits.MaxRequestBytes)]
public sealed class CaseModel(IMediator mediator) : PageModel, IReloadablePage
{
    public const string ExplainPrefix = "explain:";

    [BindProperty(SupportsGet = true)]
    [Display(Name = "办件编号")]
    public string Number { get; set; } = "";

    /// <summary>Where to go after a post: back to the case page ("case") or stay here.</summary>
    [BindProperty]
    [Display(Name = "返回页面")]
    public string? ReturnTo { get; set; }

    [BindProperty]
    public AddForm Add { get; set; } = new();

    [BindProperty]
    public Review.Command Judge { get; set; } = new();

    [BindProperty]
    public SendNotice.Command Notice { get; set; } = new();

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    [BindProperty]
    public RemoveFile.Command Removal { get; set; } = new();

    public CasePanel.Result Panel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var count = await mediator.Send(new Upload.Command
        {
            Number = Number,
            ItemCode = Add.ItemCode,
            Explanation = Add.Explanation,
            Files = IncomingFile.FromForm(Request.Form.Files).Where(f => f.ItemCode == Add.ItemCode).ToList(),
        }, cancellationToken);
        TempData["Notice"] = count > 0 ? $"已上传{count}个文件，等待审核。" : "已提交情况说明，等待审核。";
        return Back();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Removal with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已删除该文件。";
        return Back();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        var closed = await mediator.Send(Judge with { Number = Number }, cancellationToken);
        TempData["Notice"] = (Judge.Accepted ? "已审核为合格。" : "已审核为不合格，将列入一次性告知。") + (closed ? "容缺材料均已合格，容缺承诺已自动办结。" : "");
        return Back();
    }

    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Notice with { Number = Number }, cancellationToken);
        TempData["Notice"] = "已发出一次性告知，办理时限暂停，等待申请人补正。";
        return Back();
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellationToken)
    {
        var explanations = Request.Form.Keys
            .Where(k => k.StartsWith(ExplainPrefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(Request.Form[k]))
            .ToDictionary(k => k[ExplainPrefix.Length..], k => Request.Form[k].ToString());
        await mediator.Send(new AnswerNotice.Command
        {
            Number = Number,
            Explanations = explanations,
            Files = IncomingFile.FromForm(Request.Form.Files),
            ExpectedVersion = Answer.ExpectedVersion,
        }, cancellationToken);
        TempData["Notice"] = "补正材料已提交，办件回到经办窗口继续办理。";
        return Back();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var panel = await mediator.Send(new CasePanel.Query { Number = Number }, cancellationToken);
        Panel = panel is { MayOpen: true } ? panel : throw new NotFoundException(MaterialCases.NotYours);
    }

    private RedirectResult Back() =>
        Redirect(ReturnTo == "case" ? $"/Cases/{Uri.EscapeDataString(Number)}#materials" : $"/Cases/{Uri.EscapeDataString(Number)}/Materials");

    public sealed record AddForm
    {
        [Display(Name = "材料")]
        public string ItemCode { get; init; } = "";

        [Display(Name = "情况说明")]
        public string? Explanation { get; init; }
    }

    public sealed record AnswerForm
    {
        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }
}
