using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

[AllowAnonymous]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public Guide.Result Guide { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Guide = await mediator.Send(new Guide.Query(), cancellationToken);
}

/// <summary>办事指南 for 企业开办: the steps drawn from the workflow, the active promises and a live due date.</summary>
public static class Guide
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(
        string ProfileName,
        string TotalLimit,
        string TotalSource,
        string GeneralLimit,
        string DueIfAcceptedNow,
        string AcceptLimit,
        IReadOnlyList<EstablishmentItem> Items,
        WorkflowDiagram CaseDiagram,
        WorkflowDiagram ItemDiagram);

    public sealed class Handler(PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var total = table.Row(PromiseKeys.EstablishmentTotal)!;
            var general = table.Row(PromiseKeys.EstablishmentGeneral);
            var accept = table.Limit(PromiseKeys.CaseAccept);
            var service = EstablishmentService.Definition;
            var caseInfo = CaseWorkflow.Describe(service, table.Limit);
            var limits = new Dictionary<string, string>
            {
                [CaseState.Submitted.Label()] = $"{accept}（{table.Row(PromiseKeys.CaseAccept)?.Source}）",
                [CaseState.InProgress.Label()] = $"{total.Limit}（{total.Source}）",
                [CaseState.AwaitingSupplement.Label()] = "暂停计时",
            };
            var itemInfo = SubItemWorkflowInfo();
            return new Result(
                table.ProfileName,
                total.Limit.ToString(),
                total.Source,
                general?.Limit.ToString() ?? total.Limit.ToString(),
                DeadlineView.DueLocal(clock.ToLocal(now), clock.DueLocal(clock.ToLocal(now), total.Limit), clock),
                accept?.ToString() ?? "—",
                EstablishmentCatalog.Items,
                new WorkflowDiagram("办件流程（受理 → 办理 → 办结）", caseInfo, limits),
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
