using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Deregistration;

/// <summary>
/// What 注销 does when its case moves: a notice period opens the public notice; 办结 cancels the enterprise — its
/// licence and electronic seal become invalid, its permits are cancelled in the same step (证照同步注销) and the
/// result is shared with 人社, 医保, 税务, 公积金, 海关, 人民银行 (000:93-97, 003:23-25); an upheld objection,
/// a withdrawal or a refusal frees the enterprise for another application.
/// </summary>
public sealed class DeregistrationLifecycle(PortalDbContext db) : ICaseLifecycle
{
    public bool Handles(string serviceCode) => DeregistrationService.IsDeregistration(serviceCode);

    public async Task OnStateChangedAsync(Case c, CaseState from, CaseActionContext context, CancellationToken cancellationToken)
    {
        var application = (context.Flow as DeregistrationFlow)?.Application
            ?? await DeregistrationFlows.LoadApplicationAsync(db, c.Id, cancellationToken);
        var reason = c.History.LastOrDefault()?.Reason;
        switch (c.State)
        {
            case CaseState.NoticePeriod or CaseState.ClaimsPeriod when c.StepDueAt is { } end:
                application.OpenNotice(c.StepStartedAt ?? context.NowUtc, end, c.State == CaseState.ClaimsPeriod ? reason : null);
                break;
            case CaseState.Completed:
                await CancelEnterpriseAsync(c, application, context, cancellationToken);
                break;
            case CaseState.Terminated or CaseState.Withdrawn or CaseState.Rejected:
                if (c.State == CaseState.Terminated)
                {
                    application.Terminate(reason ?? "公示期内异议成立");
                }

                var enterprise = await db.Enterprises.SingleAsync(e => e.Id == application.EnterpriseId, cancellationToken);
                if (enterprise.DeregistrationCaseId == c.Id)
                {
                    enterprise.EndDeregistration();
                }

                break;
        }
    }

    public async Task<IReadOnlyList<CaseLink>> LinksAsync(Case c, CancellationToken cancellationToken)
    {
        var links = new List<CaseLink>();
        if (c.SubjectCode is not null)
        {
            links.Add(new("企业信息和电子营业执照", $"/Enterprises/{c.SubjectCode}"));
        }

        if (c.State is CaseState.NoticePeriod or CaseState.ClaimsPeriod)
        {
            links.Add(new("查看公示公告", $"/Notices/{c.Number}"));
        }

        if (c.State == CaseState.Terminated && c.SubjectCode is not null)
        {
            links.Add(new("改为申请普通注销", $"/Deregistration/Start/{c.SubjectCode}?route=Ordinary"));
        }

        return await Task.FromResult(links);
    }

    private async Task CancelEnterpriseAsync(Case c, DeregistrationApplication application, CaseActionContext context, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == application.EnterpriseId, cancellationToken);
        var today = context.Clock.LocalDate(context.NowUtc);
        enterprise.Cancel(today, $"{application.Route.Label()}（{c.Number}）");
        foreach (var permit in await db.Permits.Where(p => p.EnterpriseId == enterprise.Id).ToListAsync(cancellationToken))
        {
            permit.CancelWith(c.Number, today);
        }

        application.ShareWith(DeregistrationApplication.SharedWith, context.NowUtc);
    }
}
