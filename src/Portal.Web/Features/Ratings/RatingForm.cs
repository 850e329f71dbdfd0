using System.ComponentModel.DataAnnotations;
using Portal.Domain.Ratings;

namespace Portal.Web.Features.Ratings;

/// <summary>The fields of a rating form, shared by the online and on-site forms.</summary>
public record RatingForm
{
    /// <summary>Indicator code → level (1..5).</summary>
    [Display(Name = "评价等级")]
    public Dictionary<string, RatingLevel> Scores { get; init; } = [];

    [Display(Name = "评价内容")]
    public string? Comment { get; init; }

    [Display(Name = "评价方式")]
    public bool Anonymous { get; init; }

    [Display(Name = "姓名")]
    public string? Name { get; init; }

    [Display(Name = "手机号码")]
    public string? Phone { get; init; }

    [Display(Name = "提交标识")]
    public string? DuplicateGuard { get; init; }
}
