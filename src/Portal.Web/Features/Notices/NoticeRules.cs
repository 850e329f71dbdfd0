using Portal.Domain.Cases;
using Portal.Domain.Deregistration;

namespace Portal.Web.Features.Notices;

/// <summary>When a notice takes objections (简易注销, during 公示期) or claims (普通注销, during 债权申报期).</summary>
public static class NoticeRules
{
    public static bool AcceptsResponses(CaseState state, DeregistrationApplication d, DateTime nowUtc) =>
        d.InNotice(nowUtc) && (d.Route == DeregistrationRoute.Simple ? state == CaseState.NoticePeriod : state == CaseState.ClaimsPeriod);

    public static NoticeResponseKind KindFor(DeregistrationRoute route) =>
        route == DeregistrationRoute.Simple ? NoticeResponseKind.Objection : NoticeResponseKind.Claim;
}
