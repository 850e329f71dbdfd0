using MediatR;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Shared;
using Portal.Workflow;

namespace Portal.Web.Features.Establishment;

/// <summary>办事指南 for 企业开办: the steps drawn from the workflow, the active promises and a live due date.</summary>
public static class Guide
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(
        string ProfileName,
        string TotalLimit,
        string TotalSource,
        bool WholeProcess,
        string? GeneralLimit,
        string? GeneralSource,
        string DueIfNow,
        string AcceptLimit,
        IReadOnlyList<EstablishmentItem> Items,
        WorkflowDiagram CaseDiagram,
        WorkflowDiagram ItemDiagram)
    {
        /// <summary>一般性企业 (003:9) as the portal decides it from the application's data.</summary>
        public string GeneralRule => EstablishmentPromises.GeneralRule;
    }

    public sealed class Handler(PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
            var total = table.Row(PromiseKeys.EstablishmentTotal)!;
            var general = table.Row(PromiseKeys.EstablishmentGeneral);
            var whole = table.WholeProcess(PromiseKeys.EstablishmentTotal);
            var accept = table.Limit(PromiseKeys.CaseAccept);
            var service = EstablishmentService.Definition;
            var caseInfo = CaseWorkflow.Describe(service, table.Limit, null, table.WholeProcess);
            var totalText = $"{total.Limit}（{table.Cite(total)}）";
            var limits = new Dictionary<string, string>
            {
                [CaseState.Submitted.Label()] = whole ? $"全流程{totalText}，自提交起计，受理在内" : $"{accept}（{table.Cite(PromiseKeys.CaseAccept)}）",
                [CaseState.InProgress.Label()] = whole ? $"接续全流程时限（自提交起{total.Limit}）" : totalText,
                [CaseState.AwaitingSupplement.Label()] = "暂停计时",
            };
            var itemInfo = SubItemWorkflowInfo();
            return new Result(
                table.ProfileName,
                total.Limit.ToString(),
                table.Cite(total),
                whole,
                general?.Limit.ToString(),
                general is null ? null : table.Cite(general),
                DeadlineView.DueLocal(now, total.Limit, clock),
                accept?.ToString() ?? "—",
                EstablishmentCatalog.Items,
                new WorkflowDiagram(whole ? "办件流程（提交 → 受理 → 办理 → 办结，全流程计时）" : "办件流程（受理 → 办理 → 办结）", caseInfo, limits),
                new WorkflowDiagram("每个并联事项的流程", itemInfo, ItemLimits(total.Limit.ToString())));
        }

        /// <summary>A track has no limit of its own: it starts with the case's deadline and follows it (CaseActions).</summary>
        private static Dictionary<string, string> ItemLimits(string total) => new()
        {
            [SubItemWorkflow.Label(SubItemState.Later)] = "启动前不计时",
            [SubItemWorkflow.Label(SubItemState.Waiting)] = $"与办件同时办结（{total}）",
            [SubItemWorkflow.Label(SubItemState.InProgress)] = $"与办件同时办结（{total}）",
            [SubItemWorkflow.Label(SubItemState.Returned)] = $"与办件同时办结（{total}）",
        };

        private static WorkflowDescription SubItemWorkflowInfo() => SubItemWorkflow.Describe(EstablishmentService.Definition);
    }
}
