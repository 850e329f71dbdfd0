using MediatR;
using Portal.Domain.Profiles;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// The 差评 follow-up drawn for the public 好差评 page: its machine (<see cref="RatingFollowUp.Describe"/>), with the
/// active profile's rectification limit (counted from the rating) under the states that still owe the rater a result.
/// </summary>
public static class FollowUpGuide
{
    [PublicRequest]
    public sealed record Query : IQuery<WorkflowDiagram>;

    public sealed class Handler(PromiseService promises) : IRequestHandler<Query, WorkflowDiagram>
    {
        public async Task<WorkflowDiagram> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var limit = table.Row(PromiseKeys.RatingRectification) is { } row ? $"自评价之日起{row.Limit}内反馈处理结果（{table.Cite(row)}）" : "—";
            var limits = new Dictionary<string, string>
            {
                [RatingFollowUp.Label(FollowUpState.AwaitingVisit)] = limit,
                [RatingFollowUp.Label(FollowUpState.Verifying)] = limit,
                [RatingFollowUp.Label(FollowUpState.Rectifying)] = limit,
                [RatingFollowUp.Label(FollowUpState.AwaitingRater)] = "评价人评价整改结果，不计时限",
                [RatingFollowUp.Label(FollowUpState.Reviewing)] = "复核决定重新整改的，重新确定整改时限",
            };
            return new WorkflowDiagram("差评处理（回访 → 核实 → 整改 → 反馈 → 复核）", RatingFollowUp.Describe(), limits);
        }
    }
}
