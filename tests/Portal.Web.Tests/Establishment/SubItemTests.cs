using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Verify;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>并联办理: each department handles its own sub-item; the case is 办结 and the licence issued when the last one is done.</summary>
public sealed class SubItemTests
{
    private const string Name = "枣庄青禾科技有限公司";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Only_the_human_resources_reviewer_can_start_and_complete_the_social_insurance_sub_item(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var hr = await factory.CreateUserAsync(Department.HumanResources.ReviewerRole(), "人社审批员");
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm(Name, "tech", "software"))).Number;
        var itemId = (await factory.SubItemAsync(number, "social-insurance")).Id;

        var shownToTax = (await factory.SendAs(tax, new CaseView.Query { Number = number })).Tracks.Single(t => t.Id == itemId);
        var shownToHr = (await factory.SendAs(hr, new CaseView.Query { Number = number })).Tracks.Single(t => t.Id == itemId);
        Assert.DoesNotContain(SubItemTrigger.Start, shownToTax.Actions);
        Assert.Contains(SubItemTrigger.Start, shownToHr.Actions);

        var before = await factory.SubItemAsync(number, "social-insurance");
        var startByTax = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.ItemActAsync(tax, number, "social-insurance", SubItemTrigger.Start));
        Assert.Contains("只有人社后台审批人员可以办理", startByTax.Message);
        var unchanged = await factory.SubItemAsync(number, "social-insurance");
        Assert.Equal(SubItemState.Waiting, unchanged.State);
        Assert.Equal(before.Version, unchanged.Version);

        factory.Time.Advance(TimeSpan.FromMinutes(20));
        await factory.ItemActAsync(hr, number, "social-insurance", SubItemTrigger.Start);
        var started = await factory.SubItemAsync(number, "social-insurance");
        Assert.Equal(SubItemState.InProgress, started.State);
        Assert.Equal("人社审批员", started.HandledByName);

        var completeByTax = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.ItemActAsync(tax, number, "social-insurance", SubItemTrigger.Complete));
        Assert.Contains("只有人社后台审批人员可以办理“社保登记”", completeByTax.Message);
        Assert.Equal(SubItemState.InProgress, (await factory.SubItemAsync(number, "social-insurance")).State);

        await factory.ItemActAsync(hr, number, "social-insurance", SubItemTrigger.Complete);
        var done = await factory.SubItemAsync(number, "social-insurance");
        Assert.Equal(SubItemState.Done, done.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 20), done.DoneAt);
        var history = await factory.HistoryAsync(number);
        Assert.Contains(history, e => e.Action == "SubItem.Complete" && e.ActorId == hr.Id && e.ActionLabel == "社保登记：办结");
        // Other departments' items are still open, so the case goes on.
        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Reviewer_of_a_department_without_a_sub_item_on_the_case_gets_not_found(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var power = await factory.CreateUserAsync(Department.Power.ReviewerRole());
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm(Name, "tech"))).Number;
        var item = await factory.SubItemAsync(number, "registration");

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(power, new CaseView.Query { Number = number }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(power, new SubItemAct.Command
        {
            Number = number,
            ItemId = item.Id,
            Trigger = SubItemTrigger.Start,
            ExpectedVersion = item.Version,
        }));
        Assert.Equal(SubItemState.Waiting, (await factory.SubItemAsync(number, "registration")).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Market_reviewer_cannot_complete_the_case_while_a_synchronous_sub_item_is_open(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var reviewers = new Reviewers(factory);
        var market = await reviewers.OfAsync(Department.Market);
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm(Name, "tech", "software"))).Number;
        await reviewers.CompleteAllAsync(number, except: "housing-fund");
        var before = await factory.SnapshotAsync(number);
        Assert.Equal(CaseState.InProgress, before.State);

        var view = await factory.SendAs(market, new CaseView.Query { Number = number });
        Assert.DoesNotContain(CaseTrigger.Complete, view.Actions);
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.ActAsync(market, number, CaseTrigger.Complete, before.Version));

        Assert.Contains("尚未办结", refused.Message);
        Assert.Contains("并联事项“住房公积金登记”尚未办结", refused.Reasons);
        Assert.Equal(before, await factory.SnapshotAsync(number));
        Assert.Equal(0, await factory.WithDb(db => db.Enterprises.CountAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Completing_the_last_synchronous_sub_item_completes_the_case_and_issues_one_licence(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        // The applicant is the form's legal representative, verified: the licence page offers them 单独办理.
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant, "张明"));
        var reviewers = new Reviewers(factory);
        var form = EstablishmentSteps.ValidForm(Name, "tech", "software") with { RegisteredCapital = 123.45m };
        var number = (await factory.SubmitAsync(applicant, form)).Number;
        factory.Time.Advance(TimeSpan.FromMinutes(90));

        await reviewers.CompleteAllAsync(number);

        var c = await factory.CaseWithItemsAsync(number);
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 10, 30), c.ClosedAt);
        Assert.Null(c.StepDueAt);
        var complete = Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.Complete));
        Assert.Equal(CaseActor.System.UserId, complete.ActorId);
        Assert.All(c.SubItems.Where(i => i.Synchronous), i => Assert.Equal(SubItemState.Done, i.State));
        Assert.Equal(SubItemState.Later, c.SubItems.Single(i => i.Code == "employment").State);

        var enterprise = await factory.WithDb(db => db.Enterprises.AsNoTracking().SingleAsync());
        Assert.True(UnifiedSocialCreditCode.IsValid(enterprise.CreditCode), enterprise.CreditCode);
        Assert.StartsWith("91370402", enterprise.CreditCode);
        Assert.Equal(c.Id, enterprise.CaseId);
        Assert.Equal(applicant.Id, enterprise.OwnerId);
        Assert.Equal(Name, enterprise.Name);
        Assert.Equal(EnterpriseType.LimitedLiability, enterprise.Type);
        Assert.Equal("张明", enterprise.LegalRepresentative);
        Assert.Equal(EstablishmentSteps.LegalRepresentativeId, enterprise.LegalRepresentativeIdNumber);
        Assert.Equal(123.45m, enterprise.RegisteredCapital);
        Assert.Equal(form.Address, enterprise.Address);
        Assert.Equal("技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发", enterprise.BusinessScope);
        Assert.Equal(new DateOnly(2026, 11, 23), enterprise.EstablishedOn);
        Assert.Equal(EnterpriseStatus.Active, enterprise.Status);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 10, 30), enterprise.LicenceIssuedAt);

        var application = await factory.ApplicationOfCaseAsync(c.Id);
        Assert.Equal(ApplicationStatus.Closed, application!.Status);
        // The registered enterprise keeps its name.
        Assert.True(await factory.WithDb(db => db.NameReservations.AnyAsync(r => r.ApplicationId == application.Id)));

        var page = await factory.SendAs(applicant, new EnterpriseView.Query { CreditCode = enterprise.CreditCode, VerifyBase = "https://portal.test" });
        Assert.Equal(number, page.EstablishmentCase);
        Assert.Equal($"https://portal.test/verify/{enterprise.CreditCode}", page.VerifyUrl);
        Assert.True(page.CanStart);
        var view = await factory.SendAs(applicant, new CaseView.Query { Number = number });
        Assert.Contains(view.Links, l => l.Href == $"/Enterprises/{enterprise.CreditCode}");

        var verified = await factory.SendAs(null, new VerifyLicence.Query { Code = enterprise.CreditCode.ToLowerInvariant() });
        Assert.Null(verified.FormatError);
        Assert.NotNull(verified.Enterprise);
        Assert.Equal(enterprise.CreditCode, verified.Enterprise.CreditCode);
        Assert.Equal(EnterpriseStatus.Active, verified.Enterprise.Status);
        Assert.Equal(Name, verified.Enterprise.Name);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_departments_completing_the_last_two_sub_items_at_once_never_leave_the_case_stuck_and_issue_one_licence(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var reviewers = new Reviewers(factory);
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm(Name, "tech") with { SynchronousItems = ["tax", "seal"] })).Number;
        var tax = await reviewers.OfAsync(Department.Tax);
        var police = await reviewers.OfAsync(Department.Police);
        await reviewers.CompleteAllAsync(number, "tax", "seal");
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Start);
        await factory.ItemActAsync(police, number, "seal", SubItemTrigger.Start);
        var taxItem = await factory.SubItemAsync(number, "tax");
        var sealItem = await factory.SubItemAsync(number, "seal");

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { (tax, taxItem), (police, sealItem) }.Select(pair => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SendAs(pair.Item1, new SubItemAct.Command
            {
                Number = number,
                ItemId = pair.Item2.Id,
                Trigger = SubItemTrigger.Complete,
                ExpectedVersion = pair.Item2.Version,
            }));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        Assert.All(outcomes, o => Assert.True(o is null or ConflictException, o?.ToString()));
        Assert.Contains(outcomes, o => o is null);
        var afterRace = await factory.CaseWithItemsAsync(number);
        var allDone = afterRace.SubItems.Where(i => i.Synchronous).All(i => i.State == SubItemState.Done);
        Assert.Equal(allDone, afterRace.State == CaseState.Completed);

        // Whoever got the conflict reloads the page and tries again.
        if (outcomes[0] is not null)
        {
            await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Complete);
        }

        if (outcomes[1] is not null)
        {
            await factory.ItemActAsync(police, number, "seal", SubItemTrigger.Complete);
        }

        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        Assert.Equal(1, await factory.WithDb(db => db.Enterprises.CountAsync()));
        Assert.Single(await factory.HistoryAsync(number), e => e.Action == nameof(CaseTrigger.Complete));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Approved_rejection_cancels_the_sub_items_and_releases_the_name(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄惠民餐饮有限公司", "catering"))).Number;
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        await factory.ActNowAsync(window, number, CaseTrigger.ProposeRejection, "未取得食品经营许可");

        await factory.ActNowAsync(supervisor, number, CaseTrigger.ApproveRejection);

        var c = await factory.CaseWithItemsAsync(number);
        Assert.Equal(CaseState.Rejected, c.State);
        Assert.All(c.SubItems, i => Assert.Equal(SubItemState.Cancelled, i.State));
        Assert.Equal(ApplicationStatus.Closed, (await factory.ApplicationOfCaseAsync(c.Id))!.Status);
        Assert.Equal(0, await factory.WithDb(db => db.NameReservations.CountAsync()));
        Assert.Equal(0, await factory.WithDb(db => db.Enterprises.CountAsync()));
        Assert.True((await factory.SendAs(applicant, new CheckName.Query { Name = "枣庄惠民餐饮有限公司" })).Ok);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Returning_a_sub_item_needs_a_reason_and_the_applicant_can_resubmit_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm(Name, "tech"))).Number;
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Start);
        var started = await factory.SubItemAsync(number, "tax");

        var noReason = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Return, "  "));
        Assert.Equal("退回请写明理由和需要补充的内容。", Assert.Single(noReason.Errors).Message);
        Assert.Equal(started.Version, (await factory.SubItemAsync(number, "tax")).Version);

        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Return, "请补充财务负责人身份证明");
        var returned = await factory.SubItemAsync(number, "tax");
        Assert.Equal(SubItemState.Returned, returned.State);
        Assert.Equal("请补充财务负责人身份证明", returned.Reason);
        var shown = await factory.SendAs(applicant, new CaseView.Query { Number = number });
        var track = shown.Tracks.Single(t => t.Id == returned.Id);
        Assert.Equal("请补充财务负责人身份证明", track.Reason);
        Assert.Contains(SubItemTrigger.Resubmit, track.Actions);

        await factory.ItemActAsync(applicant, number, "tax", SubItemTrigger.Resubmit);

        var resubmitted = await factory.SubItemAsync(number, "tax");
        Assert.Equal(SubItemState.Waiting, resubmitted.State);
        Assert.Null(resubmitted.Reason);
        Assert.Equal(returned.DueAt, resubmitted.DueAt);
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Start);
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Complete);
        Assert.Equal(SubItemState.Done, (await factory.SubItemAsync(number, "tax")).State);
        var history = await factory.HistoryAsync(number);
        Assert.Contains(history, e => e.Action == "SubItem.Return" && e.Reason == "请补充财务负责人身份证明");
        Assert.Contains(history, e => e.Action == "SubItem.Resubmit" && e.ActorId == applicant.Id);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Licence_check_of_an_unknown_code_finds_nothing_and_a_malformed_code_gets_a_Chinese_format_error(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var unknown = CreditCodes.Issue(EnterpriseType.LimitedLiability, "370402", 999_999);

        var notIssued = await factory.SendAs(null, new VerifyLicence.Query { Code = unknown });
        var tooShort = await factory.SendAs(null, new VerifyLicence.Query { Code = "91370402MA0001" });
        var badCheck = await factory.SendAs(null, new VerifyLicence.Query { Code = unknown[..17] + (unknown[17] == '0' ? '1' : '0') });

        Assert.Null(notIssued.FormatError);
        Assert.Null(notIssued.Enterprise);
        Assert.Equal(unknown, notIssued.Code);
        Assert.Equal(UnifiedSocialCreditCode.FormatMessage, tooShort.FormatError);
        Assert.Null(tooShort.Enterprise);
        Assert.Equal(UnifiedSocialCreditCode.ChecksumMessage, badCheck.FormatError);
        Assert.Null(badCheck.Enterprise);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}", tooShort.FormatError);
    }
}
