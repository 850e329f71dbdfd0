using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>The 企业开办 promise (峄城区: 0.5 working day = 3 h 30 min of office time over the whole process, 002:9) on the working-day calendar, and the 补正 pause.</summary>
public sealed class DeadlineTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Instant_submission_before_National_Day_is_due_on_the_first_working_morning_after_the_holiday(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        await Portal.Web.Tests.Cases.WorkbenchTests.UseYichengAsync(factory);
        factory.Time.SetChina(2026, 9, 30, 16);

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄国庆科技有限公司", "tech", "software"));

        Assert.True(result.AutoAccepted);
        Assert.Matches(@"^QYKB-20260930-\d{6}$", result.Number);
        var c = await factory.CaseWithItemsAsync(result.Number);
        // Wed 30 Sep 16:00-17:00 = 1h; 1-7 Oct is the National Day holiday; Thu 8 Oct 09:00-11:30 = 2.5h → 11:30.
        Assert.Equal(Scenario.ChinaUtc(2026, 10, 8, 11, 30), c.StepDueAt);
        Assert.Equal(210, c.StepLimitMinutes);
        Assert.All(c.SubItems.Where(i => i.Synchronous), i => Assert.Equal(c.StepDueAt, i.DueAt));
        Assert.Contains("2026年10月8日 11:30", result.Notice);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supplement_request_pauses_the_clock_and_resubmission_moves_the_open_sub_items_to_the_resumed_deadline(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var window = await factory.CreateUserAsync(Roles.Window);
        var reviewers = new Reviewers(factory);
        await Portal.Web.Tests.Cases.WorkbenchTests.UseYichengAsync(factory);
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄补正科技有限公司", "tech") with
        {
            SynchronousItems = ["seal", "tax"],
        })).Number;
        var originalDue = Scenario.ChinaUtc(2026, 11, 23, 13, 30);
        Assert.Equal(originalDue, (await factory.LoadCaseAsync(number)).StepDueAt);

        // Mon 10:00: registration is done, tax is being handled, the seal is waiting.
        factory.Time.SetChina(2026, 11, 23, 10);
        await factory.ItemActAsync(await reviewers.OfAsync(Department.Market), number, "registration", SubItemTrigger.Start);
        await factory.ItemActAsync(await reviewers.OfAsync(Department.Market), number, "registration", SubItemTrigger.Complete);
        await factory.ItemActAsync(await reviewers.OfAsync(Department.Tax), number, "tax", SubItemTrigger.Start);
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 住所使用证明");

        var paused = await factory.CaseWithItemsAsync(number);
        Assert.Equal(CaseState.AwaitingSupplement, paused.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 10), paused.PausedAt);
        Assert.Equal(150, paused.PausedRemainingMinutes);
        Assert.Null(paused.StepDueAt);
        Assert.All(paused.SubItems.Where(i => i.Synchronous), i => Assert.Equal(originalDue, i.DueAt));

        // The applicant answers at Mon 15:00: 2.5 office hours were left → 15:00-17:00 (2h) + Tue 09:00-09:30.
        factory.Time.SetChina(2026, 11, 23, 15);
        await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);

        var resumed = await factory.CaseWithItemsAsync(number);
        var resumedDue = Scenario.ChinaUtc(2026, 11, 24, 9, 30);
        Assert.Equal(CaseState.InProgress, resumed.State);
        Assert.Null(resumed.PausedAt);
        Assert.Equal(resumedDue, resumed.StepDueAt);
        var items = resumed.SubItems.ToDictionary(i => i.Code);
        Assert.Equal(SubItemState.Waiting, items["seal"].State);
        Assert.Equal(resumedDue, items["seal"].DueAt);
        Assert.Equal(SubItemState.InProgress, items["tax"].State);
        Assert.Equal(resumedDue, items["tax"].DueAt);
        // A finished item keeps the deadline it was finished under; 单独办理 items never started.
        Assert.Equal(SubItemState.Done, items["registration"].State);
        Assert.Equal(originalDue, items["registration"].DueAt);
        Assert.All(resumed.SubItems.Where(i => !i.Synchronous), i =>
        {
            Assert.Equal(SubItemState.Later, i.State);
            Assert.Null(i.DueAt);
        });
    }
}
