using System.Text.RegularExpressions;
using System.Xml.Linq;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Domain.Ratings;
using Portal.Workflow;

namespace Portal.Domain.Tests.Workflow;

/// <summary>
/// Every real workflow, as its guide page describes and draws it: each guard says in Chinese what is missing, and the
/// SVG is well-formed with one box per reachable state carrying its label and limit.
/// </summary>
public sealed partial class WorkflowDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TimeLimit? Limits(string key) => PolicyProfiles.Zaozhuang.Find(key)?.Limit;

    public static TheoryData<string> Flows => new(AllFlows.Keys);

    private static readonly Dictionary<string, Func<WorkflowDescription>> AllFlows = new()
    {
        ["企业开办"] = () => CaseWorkflow.Describe(new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB"), Limits),
        ["并联事项"] = () =>
        {
            var context = new CaseActionContext(CaseActor.System, DateTime.UnixEpoch, new DeadlineClock(WorkingCalendar.ChinaDefault, TimeZoneInfo.Utc), Limits,
                new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB"));
            var c = Case.Submit("SAMPLE", "示例", ("sample", "示例"), Channel.Online, context);
            var item = new SubItem("tax", "涉税办理", Department.Tax, false);
            c.AddSubItem(item);
            return SubItemWorkflow.Create(item, context, null).Describe();
        },
        ["简易注销"] = () => CaseWorkflow.Describe(new("deregistration-simple", "简易注销", Department.Market, PromiseKeys.SimpleDeregistrationCancel, "JYZX"), Limits,
            new DeregistrationFlow(DeregistrationApplication.Simple(0, "", "", [], "", DateTime.UnixEpoch))),
        ["普通注销"] = () => CaseWorkflow.Describe(new("deregistration-ordinary", "普通注销", Department.Market, PromiseKeys.OrdinaryRegister, "PTZX"), Limits,
            new DeregistrationFlow(DeregistrationApplication.Ordinary(0, "", "", "", "", "", DateTime.UnixEpoch, DateTime.UnixEpoch))),
        ["依职权注销"] = () => CaseWorkflow.Describe(new("deregistration-authority", "依职权注销", Department.Market, PromiseKeys.OrdinaryRegister, "YZZX"), Limits,
            new DeregistrationFlow(DeregistrationApplication.ByAuthority(0, "", "", DeregistrationRoute.StruckOff, "", DateTime.UnixEpoch))),
        ["供电10千伏"] = () => Draw(Portal.Domain.Connections.Utility.Power, new() { CapacityKw = 2_000m, Voltage = VoltageLevel.Kv10, LineLengthM = 800m, ExternalWorks = true }),
        ["供电低压无工程"] = () => Draw(Portal.Domain.Connections.Utility.Power, new() { CapacityKw = 100m, Voltage = VoltageLevel.Low, LineLengthM = 50m, ExternalWorks = false, SanLing = true, NoInterestedParty = true }),
        ["供水联合审批"] = () => Draw(Portal.Domain.Connections.Utility.Water, new() { PipeLengthM = 200m, ExternalWorks = true, DiameterMm = 50 }),
        ["燃气"] = () => Draw(Portal.Domain.Connections.Utility.Gas, new() { GasCubicMetresPerMonth = 3_000m }),
        ["热力"] = () => Draw(Portal.Domain.Connections.Utility.Heat, new() { HeatAreaM2 = 1_200m }),
        ["通信"] = () => Draw(Portal.Domain.Connections.Utility.Telecom, new() { TelecomBandwidthMbps = 500 }),
        ["报装总办件"] = () => CaseWorkflow.Describe(new("connection", "水电气热信报装", Department.Power, PromiseKeys.PowerSanLing, "BZ"), Limits, new ParentConnectionFlow(() => false)),
        ["差评整改"] = () =>
        {
            var target = new Rating.Target(RatingSubject.Processing, "QYKB-1", null, "establishment", "Market", "A01", null, null);
            var rating = Rating.Give(target, RatingScale.IndicatorsFor(RatingSubject.Processing).ToDictionary(i => i.Code, _ => RatingLevel.VeryDissatisfied), "窗口让我跑了三趟",
                new Rating.Rater("u", "张明", "13912345678", false), "code", DateTime.UnixEpoch);
            var f = RatingFollowUp.Open(rating, new DeadlineClock(WorkingCalendar.ChinaDefault, TimeZoneInfo.Utc), TimeLimit.WorkingDays(15), DateTime.UnixEpoch);
            return f.Machine(CaseActor.System, false, DateTime.UnixEpoch, new()).Describe();
        },
    };

    private static WorkflowDescription Draw(Utility utility, TechnicalData data)
    {
        var application = new ConnectionApplication("", CustomerKind.Enterprise, null, null, "", "", DateTime.UnixEpoch);
        var request = new UtilityRequest(application, utility, data, ConnectionClassifier.Classify(utility, CustomerKind.Enterprise, data));
        var service = new ServiceDefinition("connection-" + utility.ToString().ToLowerInvariant(), utility.ServiceLabel(), utility.Department(), PromiseKeys.GasConnect, "BZ");
        return CaseWorkflow.Describe(service, Limits, new UtilityConnectionFlow(request));
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void Every_guard_says_in_chinese_what_is_missing(string flow)
    {
        var d = AllFlows[flow]();

        var guards = d.States.SelectMany(s => s.Transitions).SelectMany(t => t.Guards).ToList();
        Assert.NotEmpty(guards);
        Assert.All(guards, g => Assert.Matches(Chinese(), g));
        Assert.All(d.States, s => Assert.Matches(Chinese(), s.Label));
        Assert.All(d.States.SelectMany(s => s.Transitions), t => Assert.Matches(Chinese(), t.TriggerLabel));
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void The_drawing_is_well_formed_with_one_box_per_reachable_state_with_its_label_and_limit(string flow)
    {
        var d = AllFlows[flow]();
        string? Limit(WorkflowState s) => s.Limit?.ToString() ?? (s.IsFinal ? null : "不计时限");

        var svg = XElement.Parse(WorkflowSvg.Render(d, flow + "流程", Limit));

        var boxes = svg.Descendants(Svg + "g").Where(g => g.Attribute("data-state") is not null).ToList();
        Assert.Equal(d.States.Select(s => s.Key).Order(), boxes.Select(b => (string)b.Attribute("data-state")!).Order());
        foreach (var state in d.States)
        {
            var box = boxes.Single(b => (string)b.Attribute("data-state")! == state.Key);
            Assert.Equal(state.Label, string.Concat(box.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "wf-label").Descendants(Svg + "tspan").Select(t => t.Value)));
            var limit = box.Elements(Svg + "text").SingleOrDefault(t => (string?)t.Attribute("class") == "wf-limit");
            Assert.Equal(Limit(state) is { } l ? "时限：" + l : null, limit is null ? null : string.Concat(limit.Descendants(Svg + "tspan").Select(t => t.Value)));
        }

        var arrows = d.States.SelectMany(s => s.Transitions.Select(t => (s.Key, t.DestinationKey))).Distinct().Count();
        Assert.Equal(arrows, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "wf-action"));
        Assert.Equal(flow + "流程（状态图）", (string?)svg.Attribute("aria-label"));
    }

    [Fact]
    public void The_establishment_case_drawing_shows_the_profile_limits()
    {
        var d = AllFlows["企业开办"]();

        Assert.Equal("1个工作日", d.Find(nameof(CaseState.InProgress))!.Limit.ToString()); // 枣庄市 sets none (000): the portal's default; 峄城区's 0.5个工作日 is its own profile
        Assert.Equal("1个工作日", d.Find(nameof(CaseState.Submitted))!.Limit.ToString());
        Assert.Equal("1个工作日", d.Find(nameof(CaseState.RejectionProposed))!.Limit.ToString());
        Assert.True(d.Find(nameof(CaseState.Completed))!.IsFinal);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
