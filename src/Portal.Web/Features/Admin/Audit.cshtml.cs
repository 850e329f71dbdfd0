using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Security;
using Portal.Web.Common;

namespace Portal.Web.Features.Admin;

/// <summary>安全审计日志: administrators search the security events by period, kind and account, newest first.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AuditModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty(SupportsGet = true)]
    [Display(Name = "开始日期")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "结束日期")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "事件")]
    public SecurityEventType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "账号")]
    public string? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "页码")]
    public int PageNumber { get; set; } = 1;

    public AuditSearch.Result Result { get; private set; } = null!;

    public Dictionary<string, string?> Filters => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["type"] = Type?.ToString(),
        ["account"] = Account,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new AuditSearch.Query { From = From, To = To, Type = Type, Account = Account, Page = PageNumber }, cancellationToken);

    /// <summary>A refused search (an inverted period) shows the newest entries with the reason.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Result = await mediator.Send(new AuditSearch.Query(), cancellationToken);
}
