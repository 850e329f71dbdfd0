using System.Globalization;
using System.Text;
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
/// What every workflow does, recorded in golden files (golden/*.txt) so that a change of engine shows as a diff: for
/// every flow (企业开办 and its 并联事项, 简易/普通/依职权注销, each utility's 报装 and the parent case, the 差评 follow-up) ×
/// every state it can be in (with the case facts its guards read: accepted or not, a 补正 already sent, open 异议,
/// the notice over or not, the survey time, …) × every kind of actor × the inputs guards read (reason present, blank
/// or absent; commitment date in the future or past; the supervisor's override; the finding and the rater's
/// satisfaction; a new limit), it records the permitted actions in order, and for every action the state handles,
/// either the Chinese texts of its unmet guards or the next state with its resolved time limit, deadline and holder.
/// Limits come from the real policy profiles. Every probe starts from a fresh case built through the real transitions.
/// Regenerate (on purpose, never in CI) with PORTAL_UPDATE_GOLDEN=1 — see <see cref="GoldenFile"/>.
/// </summary>
public sealed class GoldenWorkflowTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    // ---- people ----------------------------------------------------------------------------------------------------

    private sealed record Person(string Name, CaseActor Actor, bool IsRater = false);

    private static readonly CaseActor ApplicantActor = new("applicant-1", "张明", new HashSet<string> { Roles.Applicant });
    private static readonly CaseActor AgentActor = new("agent-1", "代办人刘洋", new HashSet<string> { Roles.Applicant });

    private static readonly Person Applicant = new("申请人", ApplicantActor);
    private static readonly Person Agent = new("代办人（提交人）", AgentActor);
    private static readonly Person Stranger = new("无关申请人", new("applicant-2", "李华", new HashSet<string> { Roles.Applicant }));
    private static readonly Person Window = new("窗口", new("window-1", "王芳", new HashSet<string> { Roles.Window }));
    private static readonly Person Market = new("市场监管审批", new("market-1", "市场监管审批员", new HashSet<string> { Department.Market.ReviewerRole() }));
    private static readonly Person Tax = new("税务审批", new("tax-1", "税务审批员", new HashSet<string> { Department.Tax.ReviewerRole() }));
    private static readonly Person Supervisor = new("督查", new("supervisor-1", "赵督查", new HashSet<string> { Roles.Supervisor }));
    private static readonly Person Admin = new("管理员", new("admin-1", "管理员", new HashSet<string> { Roles.Admin }));
    private static readonly Person SystemActor = new("系统", CaseActor.System);
    private static readonly Person Public = new("公众", CaseActor.Public);

    private static Person StaffOf(Utility utility) => new($"{utility.Label()}单位", new(
        $"{utility}-1".ToLowerInvariant(), $"{utility.Label()}工作人员", new HashSet<string> { utility.Department().ReviewerRole() }));

    private static readonly Person[] CasePeople = [Applicant, Agent, Stranger, Window, Market, Tax, Supervisor, Admin, SystemActor, Public];

    // ---- what an action carries -------------------------------------------------------------------------------------

    private sealed record Input(string Name, Func<DateTime, CaseActionArgs> Make);

    private static readonly Input[] CaseInputs =
    [
        new("无", _ => CaseActionArgs.None),
        new("理由", _ => new() { Reason = "材料不全" }),
        new("空白理由", _ => new() { Reason = " \t " }),
        new("理由+承诺日期在后", now => new() { Reason = "材料不全", CommitmentDueUtc = now.AddDays(7) }),
        new("理由+承诺日期已过", now => new() { Reason = "材料不全", CommitmentDueUtc = now.AddHours(-1) }),
        new("承诺日期在后（无理由）", now => new() { CommitmentDueUtc = now.AddDays(7) }),
        new("理由+督查特批", _ => new() { Reason = "材料不全", SupervisorOverride = true }),
    ];

    private static readonly Input[] ReasonInputs = [CaseInputs[0], CaseInputs[1], CaseInputs[2]];

    // ---- one state of one flow: a fresh case in it, and how to act on it ------------------------------------------

    private sealed record CaseWorld(Case Case, Func<CaseActor, DateTime, CaseActionContext> At);

    private sealed record CaseScenario(string Title, DateTime Now, Func<CaseWorld> Build);

    private static string Local(DateTime? utc) =>
        utc is { } u ? Clock.ToLocal(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    private static DateTime China(int year, int month, int day, int hour = 0, int minute = 0) =>
        Clock.ToUtc(new DateTime(year, month, day, hour, minute, 0));

    private static async Task<string> Render(string flow, IEnumerable<CaseScenario> scenarios, IReadOnlyList<Person> people, IReadOnlyList<Input> inputs)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(flow).Append('\n');
        foreach (var scenario in scenarios)
        {
            var state = scenario.Build().Case.State;
            sb.Append("\n## ").Append(scenario.Title).Append(" — ").Append(state.Label()).Append(" (").Append(state).Append(") · 操作时间 ")
                .Append(Local(scenario.Now)).Append('\n');
            foreach (var person in people)
            {
                var blocks = new List<(List<string> Inputs, string Block)>();
                foreach (var input in inputs)
                {
                    var block = await CaseBlock(scenario, person.Actor, input.Make(scenario.Now));
                    var same = blocks.FindIndex(b => b.Block == block);
                    if (same < 0)
                    {
                        blocks.Add(([input.Name], block));
                    }
                    else
                    {
                        blocks[same].Inputs.Add(input.Name);
                    }
                }

                sb.Append("### ").Append(person.Name).Append('\n');
                foreach (var (names, block) in blocks)
                {
                    sb.Append("  [").Append(string.Join(" / ", names)).Append("]\n").Append(block);
                }
            }
        }

        return sb.ToString();
    }

    private static async Task<string> CaseBlock(CaseScenario scenario, CaseActor actor, CaseActionArgs args)
    {
        var sb = new StringBuilder();
        var world = scenario.Build();
        var permitted = await world.Case.PermittedActionsAsync(world.At(actor, scenario.Now), args);
        sb.Append("    可执行：").Append(permitted.Count == 0 ? "（无）" : string.Join("、", permitted)).Append('\n');
        foreach (var trigger in Enum.GetValues<CaseTrigger>())
        {
            var c = world.Case;
            var (state, rows, version) = (c.State, c.History.Count, c.Version);
            try
            {
                c.Fire(trigger, world.At(actor, scenario.Now), args);
                sb.Append("    ").Append(trigger).Append(" → ").Append(c.State.Label()).Append(" (").Append(c.State).Append(')')
                    .Append(" · 时限 ").Append(c.StepLimitText ?? "—")
                    .Append(" · 期限 ").Append(Local(c.StepDueAt))
                    .Append(" · 预警 ").Append(Local(c.StepWarnAt))
                    .Append(" · 承办 ").Append(c.HolderRole.Length == 0 ? "—" : c.HolderRole)
                    .Append(" · 记为「").Append(c.History[^1].ActionLabel).Append("」\n");
                world = scenario.Build();
            }
            catch (InvalidTransitionException refused)
            {
                Assert.True(c.State == state && c.History.Count == rows && c.Version == version, $"Refusing {trigger} changed the case.");
                if (refused.UnmetGuards.Count > 0)
                {
                    sb.Append("    ").Append(trigger).Append("「").Append(refused.TriggerLabel).Append("」 ✗ ")
                        .Append(string.Join(" | ", refused.UnmetGuards)).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    // ---- 企业开办 -----------------------------------------------------------------------------------------------------

    private static readonly ServiceDefinition Establishment = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    private static Func<string, TimeLimit?> Profile(PolicyProfile profile) => key => profile.Find(key)?.Limit;

    /// <summary>Which of the profile's promises cover the whole process from submission (全流程), as the portal reads them.</summary>
    private static Func<string, bool> WholeProcessOf(PolicyProfile profile) => key => profile.Find(key)?.WholeProcess == true;

    private static readonly DateTime Monday = China(2026, 11, 23, 9);

    /// <summary>An establishment case filed by an agent for the applicant, driven by <paramref name="steps"/> (actor, trigger, args).</summary>
    private static Func<CaseWorld> EstablishmentCase(PolicyProfile profile, bool openTrack, params (Person By, CaseTrigger Trigger, string? Reason)[] steps) => () =>
    {
        var limits = Profile(profile);
        IReadOnlyList<(Func<bool>, string)> guards = openTrack ? [(() => false, "并联事项“涉税办理”尚未办结")] : [];
        CaseActionContext At(CaseActor actor, DateTime now) => new(actor, now, Clock, limits, Establishment) { CompletionGuards = guards, WholeProcess = WholeProcessOf(profile) };
        var c = Portal.Domain.Cases.Case.Submit("QYKB-20261123-000001", "枣庄测试商贸有限公司设立登记", (ApplicantActor.UserId, ApplicantActor.Name), Channel.Online, At(AgentActor, Monday));
        var now = Monday;
        foreach (var (by, trigger, reason) in steps)
        {
            now = now.AddMinutes(30);
            c.Fire(trigger, At(by.Actor, now), new CaseActionArgs { Reason = reason });
        }

        return new CaseWorld(c, At);
    };

    private static IEnumerable<CaseScenario> EstablishmentScenarios(PolicyProfile profile)
    {
        var at = China(2026, 11, 24, 10);
        var supplement = (Window, CaseTrigger.RequestSupplement, "缺少住所使用证明");
        var answer = (Applicant, CaseTrigger.SubmitSupplement, (string?)"已补交住所使用证明");
        var accept = (Window, CaseTrigger.Accept, (string?)null);
        yield return new("首次提交", at, EstablishmentCase(profile, false));
        yield return new("补正后重新提交（已告知过一次）", at, EstablishmentCase(profile, false, supplement, answer));
        yield return new("受理前要求补正", at, EstablishmentCase(profile, false, supplement));
        yield return new("受理后要求补正", at, EstablishmentCase(profile, false, accept, (Market, CaseTrigger.RequestSupplement, "缺少章程")));
        yield return new("已受理，无并联事项", at, EstablishmentCase(profile, false, accept));
        yield return new("已受理，同步并联事项未办结", at, EstablishmentCase(profile, true, accept));
        yield return new("已受理，补正过一次", at, EstablishmentCase(profile, false, accept, (Market, CaseTrigger.RequestSupplement, "缺少章程"), (Applicant, CaseTrigger.SubmitSupplement, "已补交")));
        yield return new("受理前拟不予受理", at, EstablishmentCase(profile, false, (Window, CaseTrigger.ProposeRejection, "经营范围含禁止类项目")));
        yield return new("受理后拟不予受理", at, EstablishmentCase(profile, false, accept, (Market, CaseTrigger.ProposeRejection, "名称与在先企业相同")));
        yield return new("不予受理", at, EstablishmentCase(profile, false, (Window, CaseTrigger.ProposeRejection, "经营范围含禁止类项目"), (Supervisor, CaseTrigger.ApproveRejection, null)));
        yield return new("办结", at, EstablishmentCase(profile, false, accept, (Market, CaseTrigger.Complete, null)));
        yield return new("撤回", at, EstablishmentCase(profile, false, (Applicant, CaseTrigger.Withdraw, null)));
    }

    [Fact]
    public async Task GoldenWorkflow_establishment_case()
    {
        GoldenFile.Verify("establishment", await Render($"企业开办（{PolicyProfiles.Zaozhuang.Name}）", EstablishmentScenarios(PolicyProfiles.Zaozhuang), CasePeople, CaseInputs));
    }

    /// <summary>The limits each profile resolves: one window clerk and one reviewer walking the main steps.</summary>
    [Fact]
    public async Task GoldenWorkflow_establishment_limits_by_profile()
    {
        var sb = new StringBuilder();
        foreach (var profile in PolicyProfiles.All)
        {
            var scenarios = EstablishmentScenarios(profile).Where(s => s.Title is "首次提交" or "已受理，无并联事项" or "受理前拟不予受理" or "受理后要求补正");
            sb.Append(await Render($"企业开办（{profile.Name}）", scenarios, [Window, Market, Supervisor], [CaseInputs[0], CaseInputs[1]]));
        }

        GoldenFile.Verify("establishment-profiles", sb.ToString());
    }

    // ---- 并联事项 (sub-items) -------------------------------------------------------------------------------------------

    private sealed record ItemScenario(string Title, DateTime Now, Func<(Case Case, SubItem Item, Func<CaseActor, DateTime, CaseActionContext> At)> Build);

    private static Func<(Case, SubItem, Func<CaseActor, DateTime, CaseActionContext>)> ItemCase(
        bool synchronous,
        (Person By, CaseTrigger Trigger, string? Reason)[] caseSteps,
        (Person By, SubItemTrigger Trigger, string? Reason)[] itemSteps,
        (Person By, CaseTrigger Trigger, string? Reason)[]? laterCaseSteps = null) => () =>
    {
        var limits = Profile(PolicyProfiles.Zaozhuang);
        CaseActionContext At(CaseActor actor, DateTime now) => new(actor, now, Clock, limits, Establishment) { WholeProcess = WholeProcessOf(PolicyProfiles.Zaozhuang) };
        var c = Portal.Domain.Cases.Case.Submit("QYKB-20261123-000002", "枣庄测试商贸有限公司设立登记", (ApplicantActor.UserId, ApplicantActor.Name), Channel.Online, At(AgentActor, Monday));
        var item = new SubItem("tax", "涉税办理", Department.Tax, synchronous);
        c.AddSubItem(item);
        var now = Monday;
        foreach (var (by, trigger, reason) in caseSteps)
        {
            now = now.AddMinutes(30);
            c.Fire(trigger, At(by.Actor, now), new CaseActionArgs { Reason = reason });
            if (c.State == CaseState.InProgress && item.Synchronous && item.State == SubItemState.Later)
            {
                item.Fire(SubItemTrigger.Begin, At(CaseActor.System, now), null, c.StepDueAt);
            }
        }

        foreach (var (by, trigger, reason) in itemSteps)
        {
            now = now.AddMinutes(30);
            item.Fire(trigger, At(by.Actor, now), reason, c.StepDueAt);
        }

        foreach (var (by, trigger, reason) in laterCaseSteps ?? [])
        {
            now = now.AddMinutes(30);
            c.Fire(trigger, At(by.Actor, now), new CaseActionArgs { Reason = reason });
        }

        return (c, item, At);
    };

    [Fact]
    public async Task GoldenWorkflow_establishment_sub_items()
    {
        var at = China(2026, 11, 24, 10);
        (Person, CaseTrigger, string?)[] accepted = [(Window, CaseTrigger.Accept, null)];
        (Person, CaseTrigger, string?)[] none = [];
        (Person, SubItemTrigger, string?)[] started = [(Tax, SubItemTrigger.Start, null)];
        ItemScenario[] scenarios =
        [
            new("单独办理，办件未受理", at, ItemCase(false, none, [])),
            new("单独办理，办件已受理", at, ItemCase(false, accepted, [])),
            new("同步，办件办理中", at, ItemCase(true, accepted, [])),
            new("同步，办件受理后待补正", at, ItemCase(true, [.. accepted, (Market, CaseTrigger.RequestSupplement, "缺少章程")], [])),
            new("办理中，办件办理中", at, ItemCase(true, accepted, started)),
            new("办理中，办件拟不予受理", at, ItemCase(true, accepted, started, [(Market, CaseTrigger.ProposeRejection, "名称与在先企业相同")])),
            new("已退回", at, ItemCase(true, accepted, [.. started, (Tax, SubItemTrigger.Return, "缺少财务负责人信息")])),
            new("已办结", at, ItemCase(true, accepted, [.. started, (Tax, SubItemTrigger.Complete, null)])),
            new("已取消", at, ItemCase(false, none, [(SystemActor, SubItemTrigger.Cancel, "办件已撤回")])),
        ];
        string?[] reasons = [null, "理由", "  "];

        var sb = new StringBuilder("# 企业开办的并联事项（涉税办理，税务）\n");
        foreach (var scenario in scenarios)
        {
            var (c0, item0, _) = scenario.Build();
            sb.Append("\n## ").Append(scenario.Title).Append(" — ").Append(SubItemWorkflow.Label(item0.State)).Append(" (").Append(item0.State)
                .Append(") · 办件 ").Append(c0.State.Label()).Append(" · 操作时间 ").Append(Local(scenario.Now)).Append('\n');
            foreach (var person in CasePeople)
            {
                var blocks = new List<(List<string> Inputs, string Block)>();
                foreach (var reason in reasons)
                {
                    var block = new StringBuilder();
                    var (c, item, at2) = scenario.Build();
                    var permitted = await item.PermittedActionsAsync(at2(person.Actor, scenario.Now), reason);
                    block.Append("    可执行：").Append(permitted.Count == 0 ? "（无）" : string.Join("、", permitted)).Append('\n');
                    foreach (var trigger in Enum.GetValues<SubItemTrigger>())
                    {
                        var state = item.State;
                        try
                        {
                            item.Fire(trigger, at2(person.Actor, scenario.Now), reason, c.StepDueAt);
                            block.Append("    ").Append(trigger).Append(" → ").Append(SubItemWorkflow.Label(item.State)).Append(" (").Append(item.State)
                                .Append(") · 期限 ").Append(Local(item.DueAt)).Append(" · 理由 ").Append(item.Reason ?? "—")
                                .Append(" · 记为「").Append(c.History[^1].ActionLabel).Append("」\n");
                            (c, item, at2) = scenario.Build();
                        }
                        catch (InvalidTransitionException refused)
                        {
                            Assert.Equal(state, item.State);
                            if (refused.UnmetGuards.Count > 0)
                            {
                                block.Append("    ").Append(trigger).Append("「").Append(refused.TriggerLabel).Append("」 ✗ ")
                                    .Append(string.Join(" | ", refused.UnmetGuards)).Append('\n');
                            }
                        }
                    }

                    var text = block.ToString();
                    var same = blocks.FindIndex(b => b.Block == text);
                    var name = reason is null ? "无理由" : reason.Trim().Length == 0 ? "空白理由" : "理由";
                    if (same < 0)
                    {
                        blocks.Add(([name], text));
                    }
                    else
                    {
                        blocks[same].Inputs.Add(name);
                    }
                }

                sb.Append("### ").Append(person.Name).Append('\n');
                foreach (var (names, block) in blocks)
                {
                    sb.Append("  [").Append(string.Join(" / ", names)).Append("]\n").Append(block);
                }
            }
        }

        GoldenFile.Verify("establishment-sub-items", sb.ToString());
    }

    // ---- 注销 ---------------------------------------------------------------------------------------------------------

    private static readonly ServiceDefinition SimpleService = new("deregistration-simple", "简易注销", Department.Market, PromiseKeys.SimpleDeregistrationCancel, "JYZX");
    private static readonly ServiceDefinition OrdinaryService = new("deregistration-ordinary", "普通注销", Department.Market, PromiseKeys.OrdinaryRegister, "PTZX");
    private static readonly ServiceDefinition AuthorityService = new("deregistration-authority", "依职权注销（代位注销、除名）", Department.Market, PromiseKeys.OrdinaryRegister, "YZZX");

    /// <summary>
    /// A 注销 case: <paramref name="make"/> creates its application, the case is filed by <paramref name="filer"/>, then
    /// each step runs at its own time (a notice opens as DeregistrationLifecycle opens it; an objection is filed when asked).
    /// </summary>
    private static Func<CaseWorld> DeregistrationCase(
        Func<DeregistrationApplication> make, Person filer, DateTime submittedAt, params (DateTime At, Person By, CaseTrigger? Trigger, string? Reason)[] steps) => () =>
    {
        var application = make();
        var limits = Profile(PolicyProfiles.Zaozhuang);
        var service = application.Route switch
        {
            DeregistrationRoute.Simple => SimpleService,
            DeregistrationRoute.Ordinary => OrdinaryService,
            _ => AuthorityService,
        };
        CaseActionContext At(CaseActor actor, DateTime now) => new(actor, now, Clock, limits, service) { Flow = new DeregistrationFlow(application) };
        var c = Portal.Domain.Cases.Case.Submit("JYZX-20261001-000001", "枣庄测试商贸有限公司注销", (ApplicantActor.UserId, ApplicantActor.Name), Channel.Online, At(filer.Actor, submittedAt), "91370402MA3C000001");
        application.AttachTo(1, c.Number);
        foreach (var (at, by, trigger, reason) in steps)
        {
            if (trigger is null)
            {
                application.Responses.Add(new NoticeResponse(application, NoticeResponseKind.Objection, "刘债权", "13812345678", "尚有未结清货款", null, $"key-{at.Ticks}", at));
                continue;
            }

            c.Fire(trigger.Value, At(by.Actor, at), new CaseActionArgs { Reason = reason });
            if (c.State is CaseState.NoticePeriod or CaseState.ClaimsPeriod)
            {
                application.OpenNotice(c.StepStartedAt!.Value, c.StepDueAt!.Value, reason);
            }
        }

        return new CaseWorld(c, At);
    };

    [Fact]
    public async Task GoldenWorkflow_simple_deregistration()
    {
        var submitted = China(2026, 10, 9, 9);
        DeregistrationApplication Make() => DeregistrationApplication.Simple(1, "91370402MA3C000001", "枣庄测试商贸有限公司", SimpleDeregistrationRules.Conditions.Select(c => c.Code), "张明", submitted);
        var accepted = (China(2026, 10, 9, 10), Window, (CaseTrigger?)CaseTrigger.Accept, (string?)null);
        var inNotice = China(2026, 10, 20, 10);
        var afterNotice = China(2026, 11, 9, 10);
        var objection = (China(2026, 10, 15, 10), Public, (CaseTrigger?)null, (string?)null);
        var noticeEnds = (afterNotice, SystemActor, (CaseTrigger?)CaseTrigger.NoticeEnds, (string?)null);
        var returned = (China(2026, 11, 9, 11), Market, (CaseTrigger?)CaseTrigger.ReturnForCorrection, (string?)"承诺书签字有误");
        Func<CaseWorld> Case(params (DateTime, Person, CaseTrigger?, string?)[] steps) => DeregistrationCase(Make, Agent, submitted, steps);
        CaseScenario[] scenarios =
        [
            new("提交后", China(2026, 10, 9, 10), Case()),
            new("受理前要求补正", China(2026, 10, 9, 11), Case((China(2026, 10, 9, 10), Window, CaseTrigger.RequestSupplement, "缺少承诺书"))),
            new("受理前拟不予受理", China(2026, 10, 9, 11), Case((China(2026, 10, 9, 10), Window, CaseTrigger.ProposeRejection, "存在未结清税款"))),
            new("公示期内，无异议", inNotice, Case(accepted)),
            new("公示期内，有待处理异议", inNotice, Case(accepted, objection)),
            new("公示期满，无异议", afterNotice, Case(accepted)),
            new("公示期满，有待处理异议", afterNotice, Case(accepted, objection)),
            new("公示期满后首次审核", China(2026, 11, 9, 11), Case(accepted, noticeEnds)),
            new("退回更正", China(2026, 11, 9, 14), Case(accepted, noticeEnds, returned)),
            new("更正后重新审核", China(2026, 11, 10, 10), Case(accepted, noticeEnds, returned, (China(2026, 11, 9, 15), Applicant, CaseTrigger.Resubmit, "已更正签字"))),
            new("异议成立终止", inNotice, Case(accepted, objection, (China(2026, 10, 16, 10), Market, CaseTrigger.UpholdObjection, "债务未清偿"))),
            new("核准注销", China(2026, 11, 10, 10), Case(accepted, noticeEnds, (China(2026, 11, 9, 11), Market, CaseTrigger.Complete, null))),
            new("撤回", inNotice, Case(accepted, (China(2026, 10, 12, 10), Applicant, CaseTrigger.Withdraw, null))),
        ];
        GoldenFile.Verify("deregistration-simple", await Render($"简易注销（{PolicyProfiles.Zaozhuang.Name}）", scenarios, CasePeople, CaseInputs));
    }

    [Fact]
    public async Task GoldenWorkflow_ordinary_deregistration()
    {
        var formed = China(2026, 10, 8);
        var submitted = China(2026, 10, 9, 9);
        DeregistrationApplication Make() => DeregistrationApplication.Ordinary(1, "91370402MA3C000001", "枣庄测试商贸有限公司", "股东会决议解散", "张明", "张明、李华、王强", formed, submitted);
        var accepted = (China(2026, 10, 9, 10), Window, (CaseTrigger?)CaseTrigger.Accept, (string?)null);
        var notified = (China(2026, 10, 12, 10), Applicant, (CaseTrigger?)CaseTrigger.NotifyCreditors, (string?)"书面通知全部已知债权人");
        var published = (China(2026, 10, 13, 10), Applicant, (CaseTrigger?)CaseTrigger.PublishCreditorNotice, (string?)"债权人公告全文");
        var claimsEnd = (China(2026, 11, 30, 10), SystemActor, (CaseTrigger?)CaseTrigger.ClaimsPeriodEnds, (string?)null);
        var report = (China(2026, 12, 1, 10), Applicant, (CaseTrigger?)CaseTrigger.SubmitLiquidationReport, (string?)"清算报告全文");
        Func<CaseWorld> Case(params (DateTime, Person, CaseTrigger?, string?)[] steps) => DeregistrationCase(Make, Agent, submitted, steps);
        CaseScenario[] scenarios =
        [
            new("提交后", China(2026, 10, 9, 10), Case()),
            new("待通知债权人", China(2026, 10, 10, 10), Case(accepted)),
            new("待发布债权人公告", China(2026, 10, 12, 11), Case(accepted, notified)),
            new("债权申报期内", China(2026, 11, 2, 10), Case(accepted, notified, published)),
            new("债权申报期满", China(2026, 11, 30, 10), Case(accepted, notified, published)),
            new("待提交清算报告", China(2026, 11, 30, 11), Case(accepted, notified, published, claimsEnd)),
            new("注销登记审核", China(2026, 12, 1, 11), Case(accepted, notified, published, claimsEnd, report)),
            new("退回更正", China(2026, 12, 1, 14), Case(accepted, notified, published, claimsEnd, report, (China(2026, 12, 1, 11), Market, CaseTrigger.ReturnForCorrection, "清算报告未签字"))),
            new("核准注销", China(2026, 12, 2, 10), Case(accepted, notified, published, claimsEnd, report, (China(2026, 12, 1, 11), Market, CaseTrigger.Complete, null))),
            new("撤回", China(2026, 10, 12, 10), Case(accepted, (China(2026, 10, 10, 10), Applicant, CaseTrigger.Withdraw, null))),
        ];
        GoldenFile.Verify("deregistration-ordinary", await Render($"普通注销（{PolicyProfiles.Zaozhuang.Name}）", scenarios, CasePeople, CaseInputs));
    }

    [Fact]
    public async Task GoldenWorkflow_deregistration_by_authority()
    {
        var submitted = China(2026, 11, 23, 9);
        CaseScenario[] scenarios =
        [
            .. new[] { DeregistrationRoute.Subrogated, DeregistrationRoute.StruckOff }.Select(route => new CaseScenario(
                $"{route.Label()}：督查发起", China(2026, 11, 23, 10),
                DeregistrationCase(() => DeregistrationApplication.ByAuthority(1, "91370402MA3C000001", "枣庄测试商贸有限公司", route, "《市场主体登记管理条例》第四十条", submitted), Supervisor, submitted))),
            new("除名：已注销", China(2026, 11, 23, 11), DeregistrationCase(
                () => DeregistrationApplication.ByAuthority(1, "91370402MA3C000001", "枣庄测试商贸有限公司", DeregistrationRoute.StruckOff, "《市场主体登记管理条例》第四十条", submitted),
                Supervisor, submitted, (China(2026, 11, 23, 10), Supervisor, CaseTrigger.CancelByAuthority, "连续两年未年报且无法联系"))),
        ];
        GoldenFile.Verify("deregistration-authority", await Render("依职权注销（代位注销、除名）", scenarios, CasePeople, CaseInputs));
    }

    // ---- 报装 ---------------------------------------------------------------------------------------------------------

    private static ServiceDefinition UtilityService(Utility utility) => new(
        "connection-" + utility.ToString().ToLowerInvariant(), utility.ServiceLabel(), utility.Department(),
        utility switch
        {
            Utility.Power => PromiseKeys.PowerSanLing,
            Utility.Water => PromiseKeys.WaterConnect,
            Utility.Gas => PromiseKeys.GasConnect,
            Utility.Heat => PromiseKeys.HeatConnect,
            _ => PromiseKeys.TelecomConnect,
        },
        "BZ");

    public static TheoryData<string> Utilities => new(UtilitySamples.Keys);

    private static readonly Dictionary<string, (Utility Utility, TechnicalData Data)> UtilitySamples = new()
    {
        ["power-sanling"] = (Utility.Power, new() { CapacityKw = 100m, Voltage = VoltageLevel.Low, LineLengthM = 150m, ExternalWorks = true, SanLing = true, NoInterestedParty = true }),
        ["power-low-no-works"] = (Utility.Power, new() { CapacityKw = 100m, Voltage = VoltageLevel.Low, LineLengthM = 50m, ExternalWorks = false, SanLing = true, NoInterestedParty = true }),
        ["power-sanling-road-works"] = (Utility.Power, new() { CapacityKw = 100m, Voltage = VoltageLevel.Low, LineLengthM = 150m, ExternalWorks = true, SanLing = true, NoInterestedParty = true, RoadOrTreeWorks = true }),
        ["power-low-approval"] = (Utility.Power, new() { CapacityKw = 100m, Voltage = VoltageLevel.Low, LineLengthM = 300m, ExternalWorks = true, SanLing = true, NoInterestedParty = true }),
        ["power-10kv-single"] = (Utility.Power, new() { CapacityKw = 2_000m, Voltage = VoltageLevel.Kv10, DualSupply = false, LineLengthM = 800m, ExternalWorks = true }),
        ["water-filing"] = (Utility.Water, new() { PipeLengthM = 100m, ExternalWorks = true, DiameterMm = 50 }),
        ["water-joint-approval"] = (Utility.Water, new() { PipeLengthM = 200m, ExternalWorks = true, DiameterMm = 50 }),
        ["gas"] = (Utility.Gas, new() { GasCubicMetresPerMonth = 3_000m }),
        ["heat"] = (Utility.Heat, new() { HeatAreaM2 = 1_200m }),
        ["telecom"] = (Utility.Telecom, new() { TelecomBandwidthMbps = 500 }),
    };

    [Theory]
    [MemberData(nameof(Utilities))]
    public async Task GoldenWorkflow_utility_connection(string sample)
    {
        var (utility, data) = UtilitySamples[sample];
        Assert.Empty(data.Problems(utility));
        var classification = ConnectionClassifier.Classify(utility, CustomerKind.Enterprise, data);
        var submitted = China(2026, 9, 28, 10);
        var staff = StaffOf(utility);
        var other = StaffOf(utility == Utility.Power ? Utility.Water : Utility.Power);

        // (at, by, trigger or null for "schedule the survey at this time", reason)
        Func<CaseWorld> Case(bool accept, params (DateTime At, Person By, CaseTrigger? Trigger, string? Reason)[] steps) => Drafted(accept, false, steps);

        // drafted: the utility has written the contract's terms (its signing form) but not signed yet.
        Func<CaseWorld> Drafted(bool accept, bool drafted, params (DateTime At, Person By, CaseTrigger? Trigger, string? Reason)[] steps) => () =>
        {
            var limits = Profile(PolicyProfiles.Zaozhuang);
            var application = new ConnectionApplication(ApplicantActor.UserId, CustomerKind.Enterprise, "枣庄测试制造有限公司", "91370402MA3C000001", "枣庄市峄城区榴园路88号", "新建厂房", submitted);
            var request = new UtilityRequest(application, utility, data, classification);
            application.Requests.Add(request);
            CaseActionContext At(CaseActor actor, DateTime now) => new(actor, now, Clock, limits, UtilityService(utility)) { Flow = new UtilityConnectionFlow(request) };
            var c = Portal.Domain.Cases.Case.Submit("BZ-20260928-000001", "枣庄市峄城区榴园路88号 " + utility.ServiceLabel(), (ApplicantActor.UserId, ApplicantActor.Name), Channel.Online, At(AgentActor, submitted), application.CreditCode);
            request.AttachTo(1, c.Number, submitted);
            if (accept)
            {
                c.Fire(CaseTrigger.AutoAccept, At(CaseActor.System, submitted));
            }

            foreach (var (at, by, trigger, reason) in steps)
            {
                if (trigger is null)
                {
                    application.ScheduleSurvey(at, "王芳");
                }
                else
                {
                    if (trigger == CaseTrigger.SignContract)
                    {
                        request.DraftContract(ContractTerms.Suggested(request), at); // the signing form writes the terms first
                    }

                    if (trigger == CaseTrigger.Connect && request.NeedsWorksPlan)
                    {
                        // 涉路、涉树 (000:177): the utility registers its works plan, asked 3 days before the works start.
                        var day = DateOnly.FromDateTime(at);
                        request.PlanRoadWorks(RoadWorksRoute.Approval, day.AddDays(-3), day, limits(PromiseKeys.PowerRoadWorksFiling)!.Value, day, staff.Actor.Name, at);
                    }

                    c.Fire(trigger.Value, At(by.Actor, at), new CaseActionArgs { Reason = reason });
                }
            }

            if (drafted)
            {
                request.DraftContract(ContractTerms.Suggested(request), submitted);
            }

            return new CaseWorld(c, At);
        };

        var surveyAt = China(2026, 9, 29, 10);
        var schedule = (surveyAt, Window, (CaseTrigger?)null, (string?)null);
        var surveyed = (China(2026, 9, 29, 11), staff, (CaseTrigger?)CaseTrigger.RecordSurvey, (string?)"现场具备接入条件");
        var replied = (China(2026, 9, 30, 10), staff, (CaseTrigger?)CaseTrigger.ReplyPlan, (string?)"同意接入方案");
        var before = new List<(DateTime, Person, CaseTrigger?, string?)>();
        if (classification.NeedsSurvey)
        {
            before.Add(schedule);
            before.Add(surveyed);
        }

        if (classification.NeedsPlanApproval)
        {
            before.Add(replied);
        }

        var signed = (China(2026, 10, 8, 10), staff, (CaseTrigger?)CaseTrigger.SignContract, (string?)null);
        var confirmed = (China(2026, 10, 8, 11), Applicant, (CaseTrigger?)CaseTrigger.ConfirmContract, (string?)null);
        var scenarios = new List<CaseScenario> { new("提交后（系统受理前）", submitted, Case(false)) };
        if (classification.NeedsSurvey)
        {
            scenarios.Add(new("未安排踏勘", China(2026, 9, 28, 11), Case(true)));
            scenarios.Add(new("已安排踏勘，时间未到", China(2026, 9, 28, 11), Case(true, schedule)));
            scenarios.Add(new("踏勘时间已到", China(2026, 9, 29, 11), Case(true, schedule)));
        }

        if (classification.NeedsPlanApproval)
        {
            scenarios.Add(new("待方案答复", China(2026, 9, 29, 14), Case(true, [.. before.Where(s => s.Item3 != CaseTrigger.ReplyPlan)])));
        }

        scenarios.Add(new("待专营单位签章（未填写合同条款）", China(2026, 10, 8, 9), Case(true, [.. before])));
        scenarios.Add(new("待专营单位签章（已填写合同条款）", China(2026, 10, 8, 9), Drafted(true, true, [.. before])));
        scenarios.Add(new("待申请人确认合同", China(2026, 10, 8, 10, 30), Case(true, [.. before, signed])));
        scenarios.Add(new("待接通", China(2026, 10, 8, 14), Case(true, [.. before, signed, confirmed])));
        scenarios.Add(new("已接通", China(2026, 10, 9, 10), Case(true, [.. before, signed, confirmed, (China(2026, 10, 8, 15), staff, CaseTrigger.Connect, null)])));
        scenarios.Add(new("已撤回", China(2026, 9, 29, 10), Case(true, (China(2026, 9, 28, 15), Applicant, CaseTrigger.Withdraw, null))));

        Person[] people = [Applicant, Agent, Stranger, Window, staff, other, Supervisor, SystemActor, Public];
        GoldenFile.Verify("connection-" + sample, await Render($"{utility.ServiceLabel()}：{classification.Label}（{PolicyProfiles.Zaozhuang.Name}）", scenarios, people, ReasonInputs));
    }

    [Fact]
    public async Task GoldenWorkflow_parent_connection()
    {
        var submitted = China(2026, 9, 28, 10);
        var service = new ServiceDefinition("connection", "水电气热信报装", Department.Power, PromiseKeys.PowerSanLing, "BZ") { OpenToDepartment = false };
        Func<CaseWorld> Case(bool childrenDone, params (Person By, CaseTrigger Trigger)[] steps) => () =>
        {
            var limits = Profile(PolicyProfiles.Zaozhuang);
            CaseActionContext At(CaseActor actor, DateTime now) => new(actor, now, Clock, limits, service) { Flow = new ParentConnectionFlow(() => childrenDone) };
            var c = Portal.Domain.Cases.Case.Submit("BZ-20260928-000001", "联合报装（供电、供水）", (ApplicantActor.UserId, ApplicantActor.Name), Channel.Online, At(AgentActor, submitted));
            foreach (var (by, trigger) in steps)
            {
                c.Fire(trigger, At(by.Actor, submitted));
            }

            return new CaseWorld(c, At);
        };

        var at = China(2026, 10, 9, 10);
        var accept = (SystemActor, CaseTrigger.AutoAccept);
        CaseScenario[] scenarios =
        [
            new("提交后（系统受理前）", submitted, Case(false)),
            new("各专营单位未全部接通", at, Case(false, accept)),
            new("各专营单位均已接通", at, Case(true, accept)),
            new("办结", at, Case(true, accept, (SystemActor, CaseTrigger.Complete))),
            new("撤回", at, Case(false, accept, (Applicant, CaseTrigger.Withdraw))),
        ];
        Person[] people = [Applicant, Agent, Stranger, Window, StaffOf(Utility.Power), Supervisor, SystemActor, Public];
        GoldenFile.Verify("connection-parent", await Render("水电气热信报装：总办件", scenarios, people, ReasonInputs));
    }

    // ---- 差评整改 -------------------------------------------------------------------------------------------------------

    private sealed record FollowUpInput(string Name, RatingFollowUp.Args Args);

    [Fact]
    public async Task GoldenWorkflow_rating_follow_up()
    {
        var rectificationLimit = PolicyProfiles.Zaozhuang.Find(PromiseKeys.RatingRectification)!.Limit;
        var opened = China(2026, 9, 23, 10);
        var supervisor = new Person("督查", new("sup-1", "督查甲", new HashSet<string> { Roles.Supervisor }));
        var rater = new Person("评价人（登录）", ApplicantActor, IsRater: true);
        var codeHolder = new Person("评价码持有人（未登录）", CaseActor.Public, IsRater: true);
        Person[] people = [supervisor, Window, rater, codeHolder, Stranger, Applicant with { Name = "申请人（非评价人）" }, SystemActor, Admin];

        Func<RatingFollowUp> FollowUp(bool anonymous, params (Person By, FollowUpTrigger Trigger, RatingFollowUp.Args Args)[] steps) => () =>
        {
            var target = new Rating.Target(RatingSubject.Processing, "QYKB-20260923-0001", null, "establishment", "Market", "A01", "window-1", "王芳");
            var indicators = RatingScale.IndicatorsFor(RatingSubject.Processing).ToDictionary(i => i.Code, _ => RatingLevel.VeryDissatisfied);
            var rating = Rating.Give(target, indicators, "窗口让我跑了三趟", new Rating.Rater(ApplicantActor.UserId, "张明", "13912345678", anonymous), "code-1", opened);
            var f = RatingFollowUp.Open(rating, Clock, rectificationLimit, opened);
            var now = opened;
            foreach (var (by, trigger, args) in steps)
            {
                now = now.AddHours(2);
                f.Machine(by.Actor, by.IsRater, now, args).Fire(trigger);
            }

            return f;
        };

        var visit = (supervisor, FollowUpTrigger.RecordVisit, new RatingFollowUp.Args("已电话回访"));
        var verify = (supervisor, FollowUpTrigger.Verify, new RatingFollowUp.Args("情况属实", Finding.True));
        var rectify = (supervisor, FollowUpTrigger.Rectify, new RatingFollowUp.Args("已整改"));
        var review = (rater, FollowUpTrigger.RequestReview, new RatingFollowUp.Args("整改只是口头的", Satisfaction: RectificationSatisfaction.Dissatisfied));
        var reopen = (supervisor, FollowUpTrigger.Reopen, new RatingFollowUp.Args("重新整改", NewLimit: rectificationLimit, Clock: Clock));
        (string Title, Func<RatingFollowUp> Build)[] scenarios =
        [
            ("实名差评", FollowUp(false)),
            ("匿名差评", FollowUp(true)),
            ("回访后", FollowUp(false, visit)),
            ("核实属实", FollowUp(false, visit, verify)),
            ("整改结果已反馈", FollowUp(false, visit, verify, rectify)),
            ("不属实已说明", FollowUp(true, (supervisor, FollowUpTrigger.Rectify, new RatingFollowUp.Args("经核实不属实", Finding.NotTrue)))),
            ("申请复核", FollowUp(false, visit, verify, rectify, review)),
            ("复核后重新整改", FollowUp(false, visit, verify, rectify, review, reopen)),
            ("复核后重新整改并反馈（已申请过复核）", FollowUp(false, visit, verify, rectify, review, reopen, rectify)),
            ("评价人满意", FollowUp(false, visit, verify, rectify, (rater, FollowUpTrigger.RaterResponds, new RatingFollowUp.Args(Satisfaction: RectificationSatisfaction.Satisfied)))),
        ];
        FollowUpInput[] inputs =
        [
            new("无", new()),
            new("文字", new("说明")),
            new("空白文字", new("  ")),
            new("文字+属实", new("说明", Finding.True)),
            new("文字+部分属实", new("说明", Finding.PartlyTrue)),
            new("文字+不属实", new("说明", Finding.NotTrue)),
            new("属实（无文字）", new(null, Finding.True)),
            new("满意（无文字）", new(Satisfaction: RectificationSatisfaction.Satisfied)),
            new("文字+基本满意", new("说明", Satisfaction: RectificationSatisfaction.Basic)),
            new("文字+不满意", new("说明", Satisfaction: RectificationSatisfaction.Dissatisfied)),
            new("不满意（无文字）", new(Satisfaction: RectificationSatisfaction.Dissatisfied)),
            new("文字+新时限", new("说明", NewLimit: rectificationLimit, Clock: Clock)),
            new("新时限（无文字）", new(NewLimit: rectificationLimit, Clock: Clock)),
        ];

        var sb = new StringBuilder("# 差评整改（回访 → 核实 → 整改 → 反馈 → 复核）\n");
        var at = China(2026, 9, 25, 10);
        foreach (var (title, build) in scenarios)
        {
            var f0 = build();
            sb.Append("\n## ").Append(title).Append(" — ").Append(RatingFollowUp.Label(f0.State)).Append(" (").Append(f0.State)
                .Append(") · 期限 ").Append(Local(f0.DueAt)).Append(" · 操作时间 ").Append(Local(at)).Append('\n');
            foreach (var person in people)
            {
                var blocks = new List<(List<string> Inputs, string Block)>();
                foreach (var input in inputs)
                {
                    var block = new StringBuilder();
                    var f = build();
                    var permitted = await f.PermittedActionsAsync(person.Actor, person.IsRater, at, input.Args);
                    block.Append("    可执行：").Append(permitted.Count == 0 ? "（无）" : string.Join("、", permitted)).Append('\n');
                    foreach (var trigger in Enum.GetValues<FollowUpTrigger>())
                    {
                        var state = f.State;
                        try
                        {
                            f.Machine(person.Actor, person.IsRater, at, input.Args).Fire(trigger);
                            block.Append("    ").Append(trigger).Append(" → ").Append(RatingFollowUp.Label(f.State)).Append(" (").Append(f.State)
                                .Append(") · 时限 ").Append(f.LimitText).Append(" · 期限 ").Append(Local(f.DueAt))
                                .Append(" · 结果 ").Append(f.Result ?? "—").Append(" · 办结 ").Append(Local(f.ClosedAt)).Append('\n');
                            f = build();
                        }
                        catch (InvalidTransitionException refused)
                        {
                            Assert.Equal(state, f.State);
                            if (refused.UnmetGuards.Count > 0)
                            {
                                block.Append("    ").Append(trigger).Append("「").Append(refused.TriggerLabel).Append("」 ✗ ")
                                    .Append(string.Join(" | ", refused.UnmetGuards)).Append('\n');
                            }
                        }
                    }

                    var text = block.ToString();
                    var same = blocks.FindIndex(b => b.Block == text);
                    if (same < 0)
                    {
                        blocks.Add(([input.Name], text));
                    }
                    else
                    {
                        blocks[same].Inputs.Add(input.Name);
                    }
                }

                sb.Append("### ").Append(person.Name).Append('\n');
                foreach (var (names, block) in blocks)
                {
                    sb.Append("  [").Append(string.Join(" / ", names)).Append("]\n").Append(block);
                }
            }
        }

        GoldenFile.Verify("rating-follow-up", sb.ToString());
    }
}
