using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Workflow;
using static Portal.Domain.Tests.Deregistration.DeregistrationKit;

namespace Portal.Domain.Tests.Deregistration;

/// <summary>A flow only changes the case table when a context carries it; everything before 受理 stays shared.</summary>
public sealed class SharedFlowAlongsideDeregistrationTests
{
    private static readonly ServiceDefinition Establishment = new("establishment", "企业开办", Department.Market, PromiseKeys.EstablishmentTotal, "QYKB");

    private static CaseActionContext Shared(CaseActor actor, DateTime nowUtc) => new(actor, nowUtc, Clock, Limits, Establishment);

    [Fact]
    public async Task Without_a_flow_acceptance_still_leads_to_processing_with_the_service_limit()
    {
        var c = Case.Submit("QYKB-20261123-000001", "测试公司设立登记", (Applicant.UserId, Applicant.Name), Channel.Online, Shared(Applicant, China(2026, 11, 23, 9)));

        c.Fire(CaseTrigger.Accept, Shared(Window, China(2026, 11, 23, 10, 30)));

        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);
        Assert.Equal(China(2026, 11, 24, 17), c.StepDueAt); // 枣庄市: the service limit (1 working day, the portal's default), counted from 受理 without a whole-process flag
        var actions = await c.PermittedActionsAsync(Shared(Market, China(2026, 11, 23, 11)), Because("x"));
        Assert.Contains(CaseTrigger.Complete, actions);
        Assert.DoesNotContain(CaseTrigger.NoticeEnds, actions);
        Assert.DoesNotContain(CaseTrigger.ReturnForCorrection, actions);
    }

    [Fact]
    public void Supplement_before_acceptance_pauses_and_resumes_a_deregistration_case_like_any_other()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        var c = Submit(application, China(2026, 11, 23, 9));
        Assert.Equal(China(2026, 11, 24, 17), c.StepDueAt);

        c.Fire(CaseTrigger.RequestSupplement, At(Window, China(2026, 11, 23, 10), application), Because("全体投资人签字的承诺书"));
        Assert.Equal(CaseState.AwaitingSupplement, c.State);
        Assert.Equal(Roles.Applicant, c.HolderRole);
        Assert.Null(c.StepDueAt);

        c.Fire(CaseTrigger.SubmitSupplement, At(Applicant, China(2026, 11, 25, 9), application));
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(Roles.Window, c.HolderRole);
        Assert.NotNull(c.StepDueAt);

        c.Fire(CaseTrigger.Accept, At(Window, China(2026, 11, 25, 10), application));
        Assert.Equal(CaseState.NoticePeriod, c.State);
    }

    [Fact]
    public void Accepting_with_a_flow_never_enters_processing()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        var c = Submit(application, China(2026, 11, 23, 9));

        c.Fire(CaseTrigger.AcceptWithMissing, At(Window, China(2026, 11, 23, 10), application),
            new CaseActionArgs { Reason = "股东身份证复印件", CommitmentDueUtc = China(2026, 11, 30, 17) });

        Assert.Equal(CaseState.NoticePeriod, c.State);
        Assert.Equal(China(2026, 11, 23, 10), c.AcceptedAt);
        Assert.Equal("股东身份证复印件", c.ToleranceItem);
    }

    [Fact]
    public void Workflow_description_of_the_simple_route_shows_its_own_steps()
    {
        var info = CaseWorkflow.Describe(SimpleService, Limits, new DeregistrationFlow(SimpleApplication(China(2026, 11, 23, 9))));

        var notice = info.States.Single(s => s.Key == nameof(CaseState.NoticePeriod));
        Assert.Contains(notice.Transitions, t => t.DestinationKey == nameof(CaseState.FinalReview) && t.Guards.Contains(DeregistrationFlow.MarketOnly));
        Assert.Contains(notice.Transitions, t => t.DestinationKey == nameof(CaseState.Terminated));
        var submitted = info.States.Single(s => s.Key == nameof(CaseState.Submitted));
        Assert.Contains(submitted.Transitions, t => t.TriggerKey == nameof(CaseTrigger.Accept) && t.DestinationKey == nameof(CaseState.NoticePeriod));
        Assert.DoesNotContain(submitted.Transitions, t => t.DestinationKey == nameof(CaseState.InProgress));
        Assert.DoesNotContain(info.States, s => s.Key == nameof(CaseState.InProgress));
    }

    [Fact]
    public void The_guide_drawing_without_a_notice_names_no_end_date_and_prints_no_dash()
    {
        // A guide page draws the route from an application whose notice has not started: "公示期至—届满" was printed.
        var simple = CaseWorkflow.Describe(SimpleService, Limits, new DeregistrationFlow(SimpleApplication(China(2026, 11, 23, 9))));
        var ordinary = CaseWorkflow.Describe(OrdinaryService, Limits, new DeregistrationFlow(OrdinaryApplication(China(2026, 11, 20, 0), China(2026, 11, 23, 9))));

        var guards = simple.States.Concat(ordinary.States).SelectMany(s => s.Transitions).SelectMany(t => t.Guards).ToList();
        Assert.Contains("公示期届满前不能进行注销登记", guards);
        Assert.Contains("债权申报期届满前不能提交清算报告", guards);
        Assert.DoesNotContain(guards, g => g.Contains('—'));
    }
}
