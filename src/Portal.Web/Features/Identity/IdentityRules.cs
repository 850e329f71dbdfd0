using Portal.Domain.Identity;

namespace Portal.Web.Features.Identity;

/// <summary>
/// What each identity level may do (docs/decisions/0016-identity-levels.md), as the applicant's “我的实名等级” page lists it.
/// The checks themselves live where the action is (<see cref="Enterprises.EnterpriseAccess"/>); this is the text.
/// </summary>
public static class IdentityRules
{
    public sealed record Rule(string Action, bool Unverified, bool Verified, string? Note = null);

    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("查看办事指南、承诺时限、公示公告，取号，提出异议", true, true, "无需账号"),
        new("预约、查看和跟踪本人的办件、消息、好差评", true, true),
        new("申请企业开办（设立登记）", true, true, "法定代表人的身份在窗口受理时核验；即报即得（提交即自动受理）仅限已实名核验的法定代表人本人提交，或在窗口提交"),
        new("申请水电气热信报装", true, true),
        new("以法定代表人身份查看企业的营业执照和印章", false, true, "姓名和身份证号须与营业执照登记的法定代表人一致"),
        new("以法定代表人身份申请简易注销、普通注销", false, true, "也可由受托经办人或窗口帮办代办"),
        new("以法定代表人身份单独办理涉税、社保、印章刻制等事项", false, true, "也可由受托经办人或窗口帮办代办"),
        new("授权、撤销经办人", false, true, "仅限法定代表人本人"),
        new("作为经办人受托办理企业事项", false, true, "须由法定代表人授权，且仅限授权的事项和期限"),
    ];

    /// <summary>How to raise the level, in the order the page offers it.</summary>
    public const string RaiseAtWindow =
        "携带本人居民身份证原件到政务服务中心任一综合窗口，告知注册手机号，工作人员核对身份证后当场完成核验（无需取号以外的材料）。";

    public const string RaiseByProvider = "使用统一身份认证账号登录核验：认证平台返回的姓名和身份证号与本账号登记的一致时，立即完成核验。";

    /// <summary>The person's level as one sentence: 已实名核验（窗口核验，王芳（A01号窗口），2026年11月23日 10:00）.</summary>
    public static string Describe(IdentityLevel level, string? by, string? at)
    {
        if (level == IdentityLevel.Unverified)
        {
            return level.Label();
        }

        // "已实名核验（窗口核验" + who (unless the label names them already, as 统一身份认证) + when + "）".
        var label = level.Label();
        var parts = new[] { label[..^1], by is null || label.Contains(by, StringComparison.Ordinal) ? null : by, at }.OfType<string>();
        return string.Join("，", parts) + "）";
    }
}
