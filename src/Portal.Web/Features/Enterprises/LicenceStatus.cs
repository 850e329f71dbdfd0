using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Enterprises;

/// <summary>
/// An enterprise's standing and the sentence that explains it. Only what is already public is told: a deregistration
/// shows once its notice has been published (简易注销公告 or 债权人公告); before that the licence reads 有效.
/// </summary>
public sealed record LicenceStatus(StandingKind Kind, string Label, string Text)
{
    public bool IsValid => Kind == StandingKind.Valid;

    public static async Task<LicenceStatus> OfAsync(PortalDbContext db, Enterprise e, DeadlineClock clock, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (e.Status == EnterpriseStatus.Cancelled)
        {
            var on = e.CancelledOn is { } day ? $"于{day:yyyy年M月d日}" : "";
            return new(StandingKind.Cancelled, "已注销", $"该企业已{on}注销，营业执照和电子印章已失效。");
        }

        if (e.DeregistrationCaseId is { } caseId)
        {
            var d = await db.Deregistrations.AsNoTracking()
                .Where(x => x.CaseId == caseId)
                .Select(x => new { x.Route, x.NoticeStartsAt, x.NoticeEndsAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (d?.NoticeStartsAt is { } start && start <= nowUtc)
            {
                if (d.NoticeEndsAt is { } end && nowUtc <= end)
                {
                    return d.Route == DeregistrationRoute.Simple
                        ? new(StandingKind.InNotice, "注销公告中",
                            $"该企业正在进行简易注销公告（公告期至{clock.Format(end)}），公告期内任何人可在“公示公告”栏提出异议；注销登记前营业执照仍然有效。")
                        : new(StandingKind.InNotice, "注销公告中",
                            $"该企业已进入清算，正在进行债权人公告（债权申报期至{clock.Format(end)}）；注销登记前营业执照仍然有效。");
                }

                return new(StandingKind.Deregistering, "注销办理中", "该企业的注销公告已期满，正在办理注销登记；注销登记前营业执照仍然有效。");
            }
        }

        return new(StandingKind.Valid, "有效", "该电子营业执照真实有效。");
    }
}
