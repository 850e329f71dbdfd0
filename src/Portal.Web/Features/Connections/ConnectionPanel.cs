using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Shared;
using Portal.Workflow;

namespace Portal.Web.Features.Connections;

/// <summary>The 报装 part of a case page: the site, each utility as its own track (parent), or one utility's classification, survey, contract and connection (child).</summary>
public static class ConnectionPanel
{
    public sealed record Query : IQuery<Result>
    {
        public string Number { get; init; } = "";
    }

    /// <summary>The application of a 报装 case, whether the parent or one of its children, with its requests.</summary>
    public static IQueryable<ConnectionApplication> ApplicationOf(IQueryable<ConnectionApplication> applications, Case c) =>
        applications.Include(a => a.Requests).Where(a => a.CaseId == c.Id || a.Requests.Any(r => r.CaseId == c.Id));

    public sealed record Track(string Utility, string Number, string Path, string State, string Holder, DeadlineView Deadline, string Elapsed, bool Final);

    public sealed record Child(
        string Utility,
        string Path,
        string Rule,
        string Source,
        IReadOnlyList<string> Notes,
        IReadOnlyList<(string Label, string Value)> Data,
        string? SurveyFindings,
        string? DesignBudget,
        string? WorksFee,
        bool CanSetBudget,
        string? Contract,
        string? ConnectedAt,
        bool InviteRating)
    {
        /// <summary>"借用…" when the rule's source is another place's document than the active profile's.</summary>
        public string? Borrowed { get; init; }

        /// <summary>The contract's terms once the utility wrote them (shown to the applicant before confirming).</summary>
        public ContractTerms? Terms { get; init; }

        /// <summary>This utility's staff may write the terms and sign now.</summary>
        public bool CanSign { get; init; }

        /// <summary>The applicant side may read the terms and confirm now.</summary>
        public bool CanConfirm { get; init; }

        /// <summary>涉路、涉树 (000:177): what the plan must keep, the registered plan, and whether this person may register it.</summary>
        public string? WorksNeeded { get; init; }

        public string? WorksPlan { get; init; }

        public bool CanPlanWorks { get; init; }

        /// <summary>Why this utility's staff cannot take the step's action yet (e.g. the survey time has not come).</summary>
        public IReadOnlyList<string> WaitingFor { get; init; } = [];
    }

    public sealed record Result(
        bool IsParent,
        string Address,
        string Customer,
        string? Enterprise,
        string Purpose,
        string? SurveyAt,
        bool SurveyNeeded,
        bool CanSchedule,
        IReadOnlyList<Track> Tracks,
        Child? Utility,
        long ApplicationVersion)
    {
        /// <summary>Parent: how many utilities' contracts wait for the applicant, who confirms them all from one page.</summary>
        public int ContractsToConfirm { get; init; }

        /// <summary>Parent: the applicant side may withdraw the application (through the confirmation page).</summary>
        public bool MayWithdraw { get; init; }
    }

    /// <summary>The registered 涉路、涉树 works plan in a sentence, with the lead time it keeps (000:177).</summary>
    public static string WorksPlanText(UtilityRequest r, TimeLimit? lead) => r.WorksRoute switch
    {
        RoadWorksRoute.Approval when r.WorksFiledOn is { } filed && lead is { } l =>
            $"{filed:yyyy年M月d日}向道路、绿化等管理部门报请批准，提前{l.Amount}天，最早可于{UtilityRequest.EarliestStart(filed, l):yyyy年M月d日}开工；计划{r.WorksStartOn:yyyy年M月d日}开工（000:177）",
        RoadWorksRoute.OriginalProcedure => $"快速路、主干道按原程序审批，{r.WorksFiledOn:yyyy年M月d日}批准；计划{r.WorksStartOn:yyyy年M月d日}开工（000:177）",
        RoadWorksRoute.Commitment => $"告知承诺制办理；计划{r.WorksStartOn:yyyy年M月d日}开工（000:177）",
        _ => "尚未登记",
    };

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, CalendarService calendar, PromiseService promises, CaseContexts contexts, TimeProvider time, CaseReads reads)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await reads.ByNumberAsync(request.Number, cancellationToken);
            if (c is null || !ConnectionService.IsConnection(c.ServiceCode))
            {
                throw new NotFoundException("未找到该办件。");
            }

            CaseAccess.EnsureVisible(c, me, services);
            var application = await ApplicationOf(db.ConnectionApplications.AsNoTracking(), c).SingleAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            string F(DateTime? utc) => utc is { } u ? DeadlineView.Format(clock.ToLocal(u)) : "—";
            var surveyNeeded = application.Requests.Any(r => r.NeedsSurvey);
            var mayArrange = me.IsInRole(Roles.Window) || application.Requests.Any(r => me.IsInRole(r.Utility.Department().ReviewerRole()));
            var tracks = new List<Track>();
            Child? child = null;
            var isApplicant = c.ApplicantId == me.Id || c.FiledById == me.Id;
            var contractsToConfirm = 0;
            if (ConnectionService.IsParent(c.ServiceCode))
            {
                var ids = application.Requests.Select(r => r.CaseId).ToList();
                var cases = await db.Cases.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync(cancellationToken);
                contractsToConfirm = isApplicant ? cases.Count(x => x.State == CaseState.ContractConfirm) : 0;
                foreach (var r in application.Requests.OrderBy(r => r.Utility))
                {
                    var x = cases.Single(k => k.Id == r.CaseId);
                    tracks.Add(new Track(r.Utility.ServiceLabel(), x.Number, r.PathLabel, x.State.Label(), x.State.IsFinal() ? "—" : Roles.Label(x.HolderRole),
                        DeadlineView.For(x, now, clock), Elapsed(clock, x, now), x.State.IsFinal()));
                }
            }
            else
            {
                var r = application.Requests.Single(k => k.CaseId == c.Id);
                var isUtility = me.IsInRole(r.Utility.Department().ReviewerRole());
                var table = await promises.GetAsync(cancellationToken);
                var lead = r.NeedsWorksPlan ? table.Limit(PromiseKeys.PowerRoadWorksFiling) : null;
                child = new Child(
                    r.Utility.ServiceLabel(),
                    r.PathLabel,
                    r.Rule,
                    r.Source,
                    r.Notes.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                    Describe(r.Utility, r.Data),
                    r.SurveyFindings,
                    r.DesignBudget is { } b ? $"{b:#,0.00}元" : null,
                    r.WorksFee is { } fee ? $"{fee:#,0.00}元（设计预算下浮3%，竣工后按实结算）" : null,
                    r.Utility == Utility.Water && application.Customer == CustomerKind.Enterprise && !c.State.IsFinal() && me.IsInRole(r.Utility.Department().ReviewerRole()),
                    r.ContractNumber is null ? null
                        : $"{r.ContractNumber}：{r.Utility.Label()}单位 {r.UtilitySignedBy} 于 {F(r.UtilitySignedAt)} 签章" + (r.ApplicantSignedAt is null ? "，待申请人确认" : $"；申请人 {r.ApplicantSignedBy} 于 {F(r.ApplicantSignedAt)} 确认"),
                    r.ConnectedAt is null ? null : F(r.ConnectedAt),
                    c.State == CaseState.Completed && isApplicant)
                {
                    Borrowed = table.Borrowed(r.Source),
                    Terms = r.Terms,
                    CanSign = isUtility && c.State == CaseState.ContractSigning,
                    CanConfirm = isApplicant && c.State == CaseState.ContractConfirm,
                    WorksNeeded = r.NeedsWorksPlan
                        ? $"涉及道路挖掘或树木砍伐：实行告知承诺制，或开工前提前{lead?.Amount ?? 3}天向道路、绿化等管理部门报请批准；快速路、主干道按原程序审批（000:177）。接通前须登记施工计划。"
                        : null,
                    WorksPlan = r.NeedsWorksPlan ? WorksPlanText(r, lead) : null,
                    CanPlanWorks = r.NeedsWorksPlan && isUtility && !c.State.IsFinal() && r.ConnectedAt is null,
                    WaitingFor = isUtility ? await WaitingForAsync(c, cancellationToken) : [],
                };
            }

            return new Result(
                ConnectionService.IsParent(c.ServiceCode),
                application.Address,
                application.Customer == CustomerKind.Enterprise ? "企业（非居民）" : "居民",
                application.EnterpriseName,
                application.Purpose,
                application.SurveyAt is null ? null : F(application.SurveyAt),
                surveyNeeded,
                surveyNeeded && mayArrange && application.Requests.Any(r => r.SurveyFindings is null),
                tracks,
                child,
                application.Version)
            {
                ContractsToConfirm = contractsToConfirm,
                MayWithdraw = ConnectionService.IsParent(c.ServiceCode) && isApplicant && !c.State.IsFinal(),
            };
        }

        /// <summary>
        /// The utility's action of the current step (踏勘、方案答复、接通) when it is not allowed yet, with the reasons the
        /// workflow gives (e.g. "踏勘时间为…，踏勘后才能记录结果"), so staff see why there is no button.
        /// </summary>
        private async Task<IReadOnlyList<string>> WaitingForAsync(Case c, CancellationToken cancellationToken)
        {
            CaseTrigger? next = c.State switch
            {
                CaseState.SiteSurvey => CaseTrigger.RecordSurvey,
                CaseState.PlanReply => CaseTrigger.ReplyPlan,
                CaseState.Connecting => CaseTrigger.Connect,
                _ => null,
            };
            if (next is not { } trigger)
            {
                return [];
            }

            var context = await contexts.ForCaseAsync(c, cancellationToken);
            var machine = CaseWorkflow.Create(c, context, () => new CaseActionArgs { Reason = "probe" });
            return machine.CanFire(trigger, out var unmet) ? [] : unmet.Select(u => $"暂不能{trigger.Label()}：{u}").ToList();
        }

        private static string Elapsed(DeadlineClock clock, Case x, DateTime now) =>
            x.AcceptedAt is { } from ? $"{(x.State.IsFinal() ? "用时" : "已用")}{DeadlineView.Duration(clock.OfficeMinutesBetween(from, x.ClosedAt ?? now), clock)}" : "—";

        private static IReadOnlyList<(string, string)> Describe(Utility utility, TechnicalData d) => utility switch
        {
            Utility.Power =>
            [
                ("报装容量", $"{d.CapacityKw:0.##}千瓦"),
                ("电压等级", d.Voltage.Label() + (d.DualSupply ? "，双电源" : "")),
                ("外线工程", d.ExternalWorks ? $"有，线路长度{d.LineLengthM:0.##}米" : "无"),
                ("涉路涉树", d.RoadOrTreeWorks ? "是" : "否"),
                ("“三零”服务", d.SanLing ? (d.NoInterestedParty ? "是，无利害关系人" : "是，有利害关系人") : "否"),
            ],
            Utility.Water =>
            [
                ("外线工程", d.ExternalWorks ? $"有，管线长度{d.PipeLengthM:0.##}米" : "无"),
                ("接水管径", $"{d.DiameterMm}毫米"),
            ],
            Utility.Gas => [("月用气量", $"{d.GasCubicMetresPerMonth:0.##}立方米")],
            Utility.Heat => [("供热面积", $"{d.HeatAreaM2:0.##}平方米")],
            _ => [("接入带宽", $"{d.TelecomBandwidthMbps}兆")],
        };
    }
}
