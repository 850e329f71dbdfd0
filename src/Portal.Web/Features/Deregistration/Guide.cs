using MediatR;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Deregistration;

/// <summary>办事指南 for 简易注销 and 普通注销: steps drawn from the workflow, the active promises and live due dates.</summary>
public static class Guide
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public DeregistrationRoute Route { get; init; }
    }

    public sealed record Promise(string Step, string Limit, string Source, string? Note);

    public sealed record Result(
        DeregistrationRoute Route,
        string ProfileName,
        IReadOnlyList<Promise> Promises,
        IReadOnlyList<(string Label, string Date)> DueIfAcceptedNow,
        IReadOnlyList<EligibilityCondition> Conditions,
        WorkflowDiagram Diagram,
        WorkflowDiagram AuthorityDiagram);

    public sealed class Handler(PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var route = request.Route == DeregistrationRoute.Ordinary ? DeregistrationRoute.Ordinary : DeregistrationRoute.Simple;
            var table = await promises.GetAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
            var keys = route == DeregistrationRoute.Simple
                ? new[] { PromiseKeys.CaseAccept, PromiseKeys.SimpleDeregistrationNotice, PromiseKeys.SimpleDeregistrationCancel }
                : [PromiseKeys.CaseAccept, PromiseKeys.OrdinaryCreditorNotify, PromiseKeys.OrdinaryCreditorNotice, PromiseKeys.OrdinaryClaims, PromiseKeys.OrdinaryRegister];
            var rows = keys.Select(k => table.Row(k)).Where(r => r is not null).Select(r => new Promise(r!.Step, r.Limit.ToString(), table.Cite(r), r.Note)).ToList();
            string Due(DateTime from, string key) => table.Limit(key) is { } limit ? DeadlineView.DueLocal(now, clock.DueLocal(from, limit), clock) : "—";
            var due = new List<(string, string)>();
            if (route == DeregistrationRoute.Simple && table.Limit(PromiseKeys.SimpleDeregistrationNotice) is { } notice)
            {
                var noticeEnds = clock.DueLocal(now, notice);
                due.Add(("如今天受理，公示期届满于", DeadlineView.DueLocal(now, noticeEnds, clock)));
                due.Add(("公示期满无异议的，最迟注销登记于", Due(noticeEnds, PromiseKeys.SimpleDeregistrationCancel)));
            }
            else if (route == DeregistrationRoute.Ordinary)
            {
                var formed = now.Date;
                due.Add(("如清算组今天成立，通知债权人最迟于", Due(formed, PromiseKeys.OrdinaryCreditorNotify)));
                due.Add(("发布债权人公告最迟于", Due(formed, PromiseKeys.OrdinaryCreditorNotice)));
                due.Add(("如今天公告，债权申报期届满于", Due(now, PromiseKeys.OrdinaryClaims)));
            }

            var sample = route == DeregistrationRoute.Simple
                ? DeregistrationApplication.Simple(0, "", "", [], "", DateTime.UnixEpoch)
                : DeregistrationApplication.Ordinary(0, "", "", "", "", "", DateTime.UnixEpoch, DateTime.UnixEpoch);
            var service = DeregistrationService.For(route);
            var info = CaseWorkflow.Describe(service, table.Limit, new DeregistrationFlow(sample), table.WholeProcess);
            var limits = rows.Count == 0 ? new Dictionary<string, string>() : StateLimits(route, table);
            // 代位注销 / 除名 (004:35): opened by a supervisor and cancelled at once with the recorded reason; drawn on both guides.
            var byAuthority = DeregistrationApplication.ByAuthority(0, "", "", DeregistrationRoute.Subrogated, "", DateTime.UnixEpoch);
            var authority = CaseWorkflow.Describe(DeregistrationService.Authority, table.Limit, new DeregistrationFlow(byAuthority), table.WholeProcess);
            return new Result(route, table.ProfileName, rows, due, SimpleDeregistrationRules.Conditions,
                new WorkflowDiagram($"{route.Label()}流程", info, limits),
                new WorkflowDiagram("依职权注销（代位注销、除名）流程", authority, new Dictionary<string, string>()));
        }

        private static Dictionary<string, string> StateLimits(DeregistrationRoute route, PromiseTable table)
        {
            string L(string key) => table.Row(key) is { } r ? $"{r.Limit}（{table.Cite(r)}）" : "—";
            var limits = new Dictionary<string, string>
            {
                [CaseState.Submitted.Label()] = L(PromiseKeys.CaseAccept),
                [CaseState.AwaitingSupplement.Label()] = "暂停计时",
                [CaseState.AwaitingCorrection.Label()] = "申请人更正后重新提交，无需重新申请",
            };
            if (route == DeregistrationRoute.Simple)
            {
                limits[CaseState.NoticePeriod.Label()] = L(PromiseKeys.SimpleDeregistrationNotice);
                limits[CaseState.FinalReview.Label()] = "公示期满后" + L(PromiseKeys.SimpleDeregistrationCancel);
            }
            else
            {
                limits[CaseState.CreditorNotification.Label()] = "清算组成立之日起" + L(PromiseKeys.OrdinaryCreditorNotify);
                limits[CaseState.CreditorNoticeDue.Label()] = "清算组成立之日起" + L(PromiseKeys.OrdinaryCreditorNotice);
                limits[CaseState.ClaimsPeriod.Label()] = "公告之日起" + L(PromiseKeys.OrdinaryClaims);
                limits[CaseState.FinalReview.Label()] = L(PromiseKeys.OrdinaryRegister);
            }

            return limits;
        }
    }
}
