using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Establishment;

/// <summary>One investor row of the form (blank rows are ignored).</summary>
public sealed record InvestorRow
{
    [Display(Name = "股东（投资人）姓名或名称")]
    public string? Name { get; init; }

    [Display(Name = "股东证件号码")]
    public string? IdentityNumber { get; init; }

    [Display(Name = "出资比例")]
    public decimal? SharePercent { get; init; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdentityNumber) && SharePercent is null;
}
