using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Shared;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// 联合报装 of power and water on one form: one parent case and one child case per utility, each classified and
/// accepted into its survey at once; one joint survey; each utility records its own findings, signs the supply
/// contract, the applicant confirms, the utility connects; the parent is 办结 by the system when both are done.
/// </summary>
public sealed class JointApplicationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Joint_power_and_water_application_runs_from_one_form_to_both_connections_and_the_parent_is_completed_by_the_system(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);

        // Mon 23 Nov 09:00: one form, two utilities.
        var cases = await world.SubmitJointAsync();

        Assert.Matches(@"^BZ-20261123-\d{6}$", cases.Parent);
        Assert.Equal([Utility.Power, Utility.Water], cases.Children.Keys.Order());
        var counts = await factory.ConnectionCountsAsync();
        Assert.Equal((3, 1, 2), (counts.Cases, counts.Applications, counts.Requests));

        var parent = await factory.LoadCaseAsync(cases.Parent);
        Assert.Equal(ConnectionService.ParentCode, parent.ServiceCode);
        Assert.Equal(CaseState.ConnectionsRunning, parent.State);
        Assert.Equal(world.Applicant.Id, parent.ApplicantId);
        Assert.Equal(Channel.Online, parent.Channel);
        Assert.Null(parent.StepDueAt);

        var power = await factory.LoadCaseAsync(cases[Utility.Power]);
        var water = await factory.LoadCaseAsync(cases[Utility.Water]);
        Assert.Equal(ConnectionService.ChildCode(Utility.Power), power.ServiceCode);
        Assert.Equal(ConnectionService.ChildCode(Utility.Water), water.ServiceCode);
        Assert.All([power, water], c =>
        {
            Assert.Equal(CaseState.SiteSurvey, c.State);
            Assert.Equal(world.Applicant.Id, c.ApplicantId);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), c.AcceptedAt);
            Assert.Equal(CaseActor.System.UserId, c.History.Single(e => e.Action == nameof(CaseTrigger.AutoAccept)).ActorId);
        });
        Assert.Equal(Utility.Power.Department().ReviewerRole(), power.HolderRole);
        Assert.Equal(Utility.Water.Department().ReviewerRole(), water.HolderRole);
        // “三零” enterprise power: 7 working days from 受理 (Mon 23 Nov) → Wed 2 Dec; water: 6 → Tue 1 Dec.
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 2, 17), power.StepDueAt);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 1, 17), water.StepDueAt);

        // Each child is classified on submission, with the rule and its source (the child panels show these; see ChildPanelTests).
        var powerRequest = await factory.RequestAsync(cases[Utility.Power]);
        Assert.Equal("power-sanling", powerRequest.Path);
        Assert.Equal("“三零”服务低压接入（免审批）", powerRequest.PathLabel);
        Assert.Equal("“三零”服务企业用户电网侧办电时间不超过7个工作日", powerRequest.Rule);
        Assert.Contains("000:177", powerRequest.Source);
        Assert.Contains("无需办理任何行政审批手续（000:177）", powerRequest.Notes);
        Assert.True(powerRequest.NeedsSurvey);
        Assert.False(powerRequest.NeedsPlanApproval);
        Assert.Equal(120m, powerRequest.Data.CapacityKw);
        Assert.Equal(150m, powerRequest.Data.LineLengthM);
        var waterRequest = await factory.RequestAsync(cases[Utility.Water]);
        Assert.Equal("water-filing", waterRequest.Path);
        Assert.Equal("150米以下：承诺备案、容缺受理", waterRequest.PathLabel);
        Assert.Equal("用水接通不超过6个工作日", waterRequest.Rule);
        Assert.Equal("002:19", waterRequest.Source);
        Assert.Equal(80m, waterRequest.Data.PipeLengthM);
        Assert.Equal(50, waterRequest.Data.DiameterMm);

        // The parent's panel: one track per utility, both in the survey, the joint survey still to be arranged.
        var overview = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.True(overview.IsParent);
        Assert.Equal(ConnectionSteps.Address, overview.Address);
        Assert.Equal(ConnectionSteps.EnterpriseName, overview.Enterprise);
        Assert.True(overview.SurveyNeeded);
        Assert.Null(overview.SurveyAt);
        Assert.False(overview.CanSchedule); // the applicant does not arrange it
        Assert.Equal([Utility.Power.ServiceLabel(), Utility.Water.ServiceLabel()], overview.Tracks.Select(t => t.Utility));
        Assert.Equal([cases[Utility.Power], cases[Utility.Water]], overview.Tracks.Select(t => t.Number));
        Assert.Equal(["“三零”服务低压接入（免审批）", "150米以下：承诺备案、容缺受理"], overview.Tracks.Select(t => t.Path));
        Assert.All(overview.Tracks, t => Assert.Equal(CaseState.SiteSurvey.Label(), t.State));

        // Before any survey is arranged, a utility cannot record findings.
        var unscheduled = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Power, cases[Utility.Power], CaseTrigger.RecordSurvey, "现场已踏勘"));
        Assert.Contains("请先安排（联合）踏勘时间", unscheduled.Reasons);

        // The window clerk arranges one joint survey: Wed 25 Nov 09:30.
        var windowPanel = await factory.SendAs(world.Window, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.True(windowPanel.CanSchedule);
        Assert.Equal(await factory.ApplicationVersionAsync(cases.Parent), windowPanel.ApplicationVersion);
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 25), new TimeOnly(9, 30));
        var scheduled = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.Equal(DeadlineView.Format(new DateTime(2026, 11, 25, 9, 30, 0)), scheduled.SurveyAt);
        Assert.Single(await factory.NotesAsync(cases.Parent), n => n.ActionLabel == "安排联合踏勘：2026年11月25日 09:30" && n.ActorId == world.Window.Id);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 9, 30), (await factory.RequestAsync(cases[Utility.Water])).Application.SurveyAt);
        Assert.Equal(world.Window.Name, (await factory.RequestAsync(cases[Utility.Power])).Application.SurveyScheduledBy);

        // Tue 24 Nov: before the survey nobody can record its findings.
        factory.Time.SetChina(2026, 11, 24, 10);
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Power, cases[Utility.Power], CaseTrigger.RecordSurvey, "现场已踏勘"));
        Assert.Contains("踏勘时间为2026年11月25日 09:30，踏勘后才能记录结果", early.Reasons);
        Assert.Equal(CaseState.SiteSurvey, (await factory.LoadCaseAsync(cases[Utility.Power])).State);
        Assert.Null((await factory.RequestAsync(cases[Utility.Power])).SurveyFindings);

        // Wed 25 Nov 11:00: after the survey each utility records its own findings (with a reason only).
        factory.Time.SetChina(2026, 11, 25, 11);
        var silent = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Water, cases[Utility.Water], CaseTrigger.RecordSurvey));
        Assert.Contains("请填写踏勘结果", silent.Reasons);
        await world.ActAsync(world.Power, cases[Utility.Power], CaseTrigger.RecordSurvey, "箱变位置已确认，从光明路10号杆引出低压线路150米");
        await world.ActAsync(world.Water, cases[Utility.Water], CaseTrigger.RecordSurvey, "从光明路DN300主管接出DN50管线80米");
        Assert.Equal("箱变位置已确认，从光明路10号杆引出低压线路150米", (await factory.RequestAsync(cases[Utility.Power])).SurveyFindings);
        Assert.Equal("从光明路DN300主管接出DN50管线80米", (await factory.RequestAsync(cases[Utility.Water])).SurveyFindings);
        var afterSurvey = await factory.LoadCaseAsync(cases[Utility.Power]);
        Assert.Equal(CaseState.ContractSigning, afterSurvey.State);
        Assert.Equal(world.Power.Id, afterSurvey.History.Single(e => e.Action == nameof(CaseTrigger.RecordSurvey)).ActorId);
        // The promise counts from 受理: the deadline does not move.
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 2, 17), afterSurvey.StepDueAt);
        Assert.Equal(CaseState.ContractSigning, (await factory.LoadCaseAsync(cases[Utility.Water])).State);

        // The supply contract: the utility signs first, the applicant confirms (not the utility), then the utility connects.
        factory.Time.SetChina(2026, 11, 25, 14);
        foreach (var utility in new[] { Utility.Power, Utility.Water })
        {
            var child = cases[utility];
            var staff = world.StaffOf(utility);
            await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Applicant, child, CaseTrigger.SignContract));
            await world.SignAsync(staff, child);
            var signing = await factory.LoadCaseAsync(child);
            Assert.Equal(CaseState.ContractConfirm, signing.State);
            Assert.Equal(Roles.Applicant, signing.HolderRole);
            var byUtility = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(staff, child, CaseTrigger.ConfirmContract));
            Assert.Contains("只有申请人本人或代办人可以执行此操作", byUtility.Reasons);
            Assert.Contains(CaseTrigger.ConfirmContract, (await factory.SendAs(world.Applicant, new CaseView.Query { Number = child })).Actions);
            await world.ActAsync(world.Applicant, child, CaseTrigger.ConfirmContract);
            Assert.Equal(CaseState.Connecting, (await factory.LoadCaseAsync(child)).State);
            var contract = await factory.RequestAsync(child);
            Assert.Equal($"HT-{child}", contract.ContractNumber);
            Assert.Equal(staff.Name, contract.UtilitySignedBy);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 14), contract.UtilitySignedAt);
            Assert.Equal("张明", contract.ApplicantSignedBy);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 14), contract.ApplicantSignedAt);
        }

        // Thu 26 Nov: power connects first; the parent keeps running while water is still open.
        factory.Time.SetChina(2026, 11, 26, 10);
        var notByApplicant = await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Applicant, cases[Utility.Power], CaseTrigger.Connect));
        Assert.Contains("只有供电单位的工作人员可以执行此操作", notByApplicant.Reasons);
        await world.ActAsync(world.Power, cases[Utility.Power], CaseTrigger.Connect);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(cases[Utility.Power])).State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 26, 10), (await factory.RequestAsync(cases[Utility.Power])).ConnectedAt);
        Assert.Equal(CaseState.ConnectionsRunning, (await factory.LoadCaseAsync(cases.Parent)).State);
        var midway = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.Equal([CaseState.Completed.Label(), CaseState.Connecting.Label()], midway.Tracks.Select(t => t.State));
        // The parent cannot be 办结 by hand.
        await Assert.ThrowsAsync<RuleViolationException>(() => world.ActAsync(world.Window, cases.Parent, CaseTrigger.Complete));

        factory.Time.SetChina(2026, 11, 26, 15);
        await world.ActAsync(world.Water, cases[Utility.Water], CaseTrigger.Connect);

        var water2 = await factory.LoadCaseAsync(cases[Utility.Water]);
        Assert.Equal(CaseState.Completed, water2.State);
        var done = await factory.LoadCaseAsync(cases.Parent);
        Assert.Equal(CaseState.Completed, done.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 26, 15), done.ClosedAt);
        var completion = Assert.Single(done.History, e => e.Action == nameof(CaseTrigger.Complete));
        Assert.Equal(CaseActor.System.UserId, completion.ActorId);
        Assert.Equal("各专营单位均已办结", completion.Reason);
        Assert.Equal(CaseState.Completed, completion.ToState);
        var timeline = (await factory.SendAs(world.Applicant, new CaseView.Query { Number = cases.Parent })).Timeline;
        Assert.Contains(timeline, s => s.Reason == "各专营单位均已办结" && !s.Note);
        var final = await factory.SendAs(world.Applicant, new ConnectionPanel.Query { Number = cases.Parent });
        Assert.All(final.Tracks, t => Assert.True(t.Final));

        // Each child's steps in order.
        var steps = (await factory.HistoryAsync(cases[Utility.Water])).Where(e => !Case.IsNote(e)).Select(e => e.Action).ToList();
        Assert.Equal(
            ["Submit", nameof(CaseTrigger.AutoAccept), nameof(CaseTrigger.RecordSurvey), nameof(CaseTrigger.SignContract), nameof(CaseTrigger.ConfirmContract), nameof(CaseTrigger.Connect)],
            steps);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Survey_time_must_be_a_future_office_time_on_a_working_day_and_the_form_version_current(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var version = (await factory.SendAs(world.Window, new ConnectionPanel.Query { Number = cases.Parent })).ApplicationVersion;
        Task Schedule(TestUser user, int year, int month, int day, int hour, int minute = 0, long? expected = null) =>
            factory.SendAs(user, new ScheduleSurvey.Command
            {
                Number = cases.Parent,
                Date = new DateOnly(year, month, day),
                Time = new TimeOnly(hour, minute),
                ExpectedVersion = expected ?? version,
            });

        // Mon 23 Nov 09:00 now: earlier today is past; Saturday, lunch time and the evening are not office time.
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() => Schedule(world.Window, 2026, 11, 23, 8, 30));
        Assert.Contains(past.Errors, e => e.Message == "踏勘时间应晚于现在。");
        var saturday = await Assert.ThrowsAsync<ValidationFailedException>(() => Schedule(world.Window, 2026, 11, 28, 10));
        Assert.Contains(saturday.Errors, e => e.Message == "踏勘时间应在工作日的办公时间内。");
        var lunch = await Assert.ThrowsAsync<ValidationFailedException>(() => Schedule(world.Window, 2026, 11, 24, 12, 30));
        Assert.Contains(lunch.Errors, e => e.Message == "踏勘时间应在工作日的办公时间内。");
        var evening = await Assert.ThrowsAsync<ValidationFailedException>(() => Schedule(world.Window, 2026, 11, 24, 17));
        Assert.Contains(evening.Errors, e => e.Message == "踏勘时间应在工作日的办公时间内。");
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(world.Window, new ScheduleSurvey.Command { Number = cases.Parent, ExpectedVersion = version }));
        Assert.Contains(missing.Errors, e => e.Message == "请选择踏勘日期。");
        Assert.Contains(missing.Errors, e => e.Message == "请选择踏勘时间。");
        // The applicant does not arrange the survey.
        await Assert.ThrowsAsync<ForbiddenException>(() => Schedule(world.Applicant, 2026, 11, 24, 10));
        Assert.Null((await factory.RequestAsync(cases[Utility.Power])).Application.SurveyAt);

        // A utility of the application may arrange it from its own child case.
        Assert.Equal(version, await factory.ApplicationVersionAsync(cases[Utility.Power]));
        await factory.SendAs(world.Power, new ScheduleSurvey.Command
        {
            Number = cases[Utility.Power],
            Date = new DateOnly(2026, 11, 24),
            Time = new TimeOnly(14, 0),
            ExpectedVersion = version,
        });
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 14), (await factory.RequestAsync(cases[Utility.Water])).Application.SurveyAt);

        // The window's form was loaded before that: its version is stale, the change is refused and nothing moves.
        await Assert.ThrowsAsync<ConflictException>(() => Schedule(world.Window, 2026, 11, 25, 9, 30));
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 14), (await factory.RequestAsync(cases[Utility.Water])).Application.SurveyAt);

        // A gas company's staff (not part of this application) cannot move it.
        await Assert.ThrowsAsync<NotFoundException>(() =>
            factory.SendAs(world.Gas, new ScheduleSurvey.Command { Number = cases.Parent, Date = new DateOnly(2026, 11, 25), Time = new TimeOnly(10, 0), ExpectedVersion = version + 1 }));
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 14), (await factory.RequestAsync(cases[Utility.Water])).Application.SurveyAt);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_clerk_files_for_a_registered_applicant_identified_by_mobile(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var before = await factory.ConnectionCountsAsync();

        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Window, ConnectionSteps.Joint()));
        Assert.Contains(none.Errors, e => e.Message == "帮办代办请填写申请人注册的手机号。");
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(world.Window, ConnectionSteps.Joint() with { ApplicantMobile = "13900000000" }));
        Assert.Contains(unknown.Errors, e => e.Message == "未找到该手机号注册的申请人，请先协助申请人实名注册。");
        // Another member of staff is not an applicant.
        var staff = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(world.Window, ConnectionSteps.Joint() with { ApplicantMobile = world.Power.UserName }));
        Assert.Contains(staff.Errors, e => e.Message == "未找到该手机号注册的申请人，请先协助申请人实名注册。");
        Assert.Equal(before, await factory.ConnectionCountsAsync());

        var parent = await factory.SendAs(world.Window, ConnectionSteps.Joint() with { ApplicantMobile = world.Applicant.UserName });

        var cases = await factory.ConnectionCasesAsync(parent);
        foreach (var number in new[] { cases.Parent, cases[Utility.Power], cases[Utility.Water] })
        {
            var c = await factory.LoadCaseAsync(number);
            Assert.Equal(world.Applicant.Id, c.ApplicantId);
            Assert.Equal(world.Window.Id, c.FiledById);
            Assert.Equal(Channel.Window, c.Channel);
            Assert.Equal(number, (await factory.SendAs(world.Applicant, new CaseView.Query { Number = number })).Number);
        }

        // Reviewers and supervisors cannot file one.
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Power, ConnectionSteps.Joint() with { ApplicantMobile = world.Applicant.UserName }));
    }
}
