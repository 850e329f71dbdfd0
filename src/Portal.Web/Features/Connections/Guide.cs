using MediatR;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Connections;

/// <summary>办事指南 for 联合报装 and for each utility: the classes with their rule, source and active limit, live due dates and the drawn steps.</summary>
public static class Guide
{
    [PublicRequest]
    public sealed record Query : IQuery<Result>
    {
        public Utility? Utility { get; init; }
    }

    /// <summary>One class: its rule and source (with "借用…" when another place's document is the source), the active limit and its own source.</summary>
    public sealed record Row(string Utility, string Class, string Rule, string Source, string? Borrowed, string Limit, string LimitSource, string DueIfNow);

    /// <summary>A lead time (提前N日) before works, with its source: 涉路、涉树工程 (000:177).</summary>
    public sealed record LeadTime(string Step, string Limit, string Source, string? Note, string EarliestIfFiledToday);

    public sealed record Result(Utility? Utility, string ProfileName, IReadOnlyList<Row> Rows, IReadOnlyList<WorkflowDiagram> Diagrams, LeadTime? RoadWorks);

    /// <summary>One sample request per class, to draw and time each path.</summary>
    public static IReadOnlyList<(Utility Utility, CustomerKind Customer, TechnicalData Data)> Samples { get; } =
    [
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 50 }),
        (Domain.Connections.Utility.Power, CustomerKind.Resident, new TechnicalData { CapacityKw = 8, ExternalWorks = true, LineLengthM = 50 }),
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 100, ExternalWorks = true, LineLengthM = 150, SanLing = true, NoInterestedParty = true }),
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 100, ExternalWorks = true, LineLengthM = 300, SanLing = true, NoInterestedParty = true }),
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 800, Voltage = VoltageLevel.Kv10 }),
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 800, Voltage = VoltageLevel.Kv10, DualSupply = true }),
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 8000, Voltage = VoltageLevel.Kv35Plus }),
        (Domain.Connections.Utility.Power, CustomerKind.Enterprise, new TechnicalData { CapacityKw = 8000, Voltage = VoltageLevel.Kv35Plus, DualSupply = true }),
        (Domain.Connections.Utility.Water, CustomerKind.Enterprise, new TechnicalData { DiameterMm = 25 }),
        (Domain.Connections.Utility.Water, CustomerKind.Enterprise, new TechnicalData { DiameterMm = 50, ExternalWorks = true, PipeLengthM = 100 }),
        (Domain.Connections.Utility.Water, CustomerKind.Enterprise, new TechnicalData { DiameterMm = 100, ExternalWorks = true, PipeLengthM = 400 }),
        (Domain.Connections.Utility.Gas, CustomerKind.Enterprise, new TechnicalData { GasCubicMetresPerMonth = 500 }),
        (Domain.Connections.Utility.Heat, CustomerKind.Enterprise, new TechnicalData { HeatAreaM2 = 1000 }),
        (Domain.Connections.Utility.Telecom, CustomerKind.Enterprise, new TechnicalData { TelecomBandwidthMbps = 200 }),
    ];

    public sealed class Handler(PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var now = clock.ToLocal(time.GetUtcNow().UtcDateTime);
            var rows = new List<Row>();
            var diagrams = new List<WorkflowDiagram>();
            var classified = Samples.Where(s => request.Utility is null || s.Utility == request.Utility)
                .Select(s => (s.Utility, s.Customer, s.Data, Class: ConnectionClassifier.Classify(s.Utility, s.Customer, s.Data)))
                .ToList();
            foreach (var (utility, _, _, c) in classified)
            {
                var limit = table.Limit(c.LimitKey);
                rows.Add(new Row(utility.ServiceLabel(), c.Label, c.Rule, c.Source, table.Borrowed(c.Source), limit?.ToString() ?? "—", table.Cite(c.LimitKey),
                    limit is { } l ? DeadlineView.DueLocal(now, l, clock) : "—"));
            }

            // One drawing per distinct set of steps (several classes share the same steps with different limits).
            var groups = request.Utility is null ? [] : classified.GroupBy(s => (s.Class.NeedsSurvey, s.Class.NeedsPlanApproval, s.Class.ApprovalLimitKey is not null));
            foreach (var group in groups)
            {
                var (utility, customer, data, c) = group.First();
                var sample = new UtilityRequest(new ConnectionApplication("", customer, null, null, "", "", DateTime.UnixEpoch), utility, data, c);
                var info = CaseWorkflow.Describe(ConnectionService.Child(utility), table.Limit, new UtilityConnectionFlow(sample), table.WholeProcess);
                const string fromSubmission = "自提交起计算的该类别承诺时限";
                var total = c.ApprovalLimitKey is null ? fromSubmission : $"方案答复后{table.Limit(c.LimitKey)}";
                var limits = new Dictionary<string, string>
                {
                    [CaseState.Submitted.Label()] = "提交即受理",
                    [CaseState.SiteSurvey.Label()] = fromSubmission,
                    [CaseState.PlanReply.Label()] = c.ApprovalLimitKey is { } k ? $"{table.Limit(k)}（{c.Source}）" : fromSubmission,
                    [CaseState.ContractSigning.Label()] = total,
                    [CaseState.ContractConfirm.Label()] = "申请人在线确认",
                    [CaseState.Connecting.Label()] = total,
                };
                var steps = string.Join(" → ", new[] { c.NeedsSurvey ? "现场踏勘" : null, c.NeedsPlanApproval ? "方案答复" : null, "签订供用合同", utility == Domain.Connections.Utility.Power && data.Voltage != VoltageLevel.Low ? "验收送电" : "装表接通" }.OfType<string>());
                diagrams.Add(new WorkflowDiagram($"{steps}（{string.Join("、", group.Select(x => x.Class.Label))}）", info, limits));
            }

            if (request.Utility is null)
            {
                var parentLimits = new Dictionary<string, string>
                {
                    [CaseState.Submitted.Label()] = "提交即受理",
                    [CaseState.ConnectionsRunning.Label()] = "各专营单位按各自类别的承诺时限办理",
                };
                diagrams.Add(new WorkflowDiagram("报装申请（总办件）", CaseWorkflow.Describe(ConnectionService.Parent, table.Limit, new ParentConnectionFlow(() => false)), parentLimits));
            }

            var road = table.Row(PromiseKeys.PowerRoadWorksFiling) is { } r && request.Utility is null or Domain.Connections.Utility.Power
                ? new LeadTime(r.Step, "提前" + (r.Unit == Workflow.TimeUnit.NaturalDays ? $"{r.Amount}天" : r.Limit.ToString()), table.Cite(r), r.Note, $"{DateOnly.FromDateTime(now).AddDays(r.Amount):yyyy年M月d日}")
                : null;
            return new Result(request.Utility, table.ProfileName, rows, diagrams, road);
        }
    }
}
