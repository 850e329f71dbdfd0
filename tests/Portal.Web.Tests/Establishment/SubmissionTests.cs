using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>Submit.Command (一表申请) through the whole MediatR pipeline, as real users, on both databases.</summary>
public sealed class SubmissionTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Valid_form_creates_a_case_an_application_a_name_reservation_and_eight_sub_items(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var form = EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech", "software") with
        {
            SynchronousItems = ["seal", "tax", "social-insurance"],
        };

        var result = await factory.SubmitAsync(applicant, form);

        Assert.Matches(@"^QYKB-20261123-\d{6}$", result.Number);
        var c = await factory.CaseWithItemsAsync(result.Number);
        Assert.Equal(EstablishmentService.Code, c.ServiceCode);
        Assert.Equal("枣庄青禾科技有限公司 设立登记", c.Title);
        Assert.Equal(applicant.Id, c.ApplicantId);
        Assert.Equal(applicant.Id, c.FiledById);
        Assert.Equal("张明", c.ApplicantName);
        Assert.Equal(Channel.Online, c.Channel);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), c.CreatedAt);

        var application = await factory.ApplicationOfCaseAsync(c.Id);
        Assert.NotNull(application);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(c.Id, application.CaseId);
        Assert.Equal(applicant.Id, application.ApplicantId);
        Assert.Equal(applicant.Id, application.FiledById);
        Assert.Equal("枣庄青禾科技有限公司", application.ProposedName);
        Assert.Equal("枣庄青禾科技", application.NormalizedName);
        Assert.Equal(2, application.Investors.Count);
        Assert.Equal(100m, application.Investors.Sum(i => i.SharePercent));

        var reservation = await factory.WithDb(db => db.NameReservations.AsNoTracking().SingleAsync());
        Assert.Equal("枣庄青禾科技", reservation.NormalizedName);
        Assert.Equal("枣庄青禾科技有限公司", reservation.Name);
        Assert.Equal(application.Id, reservation.ApplicationId);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), reservation.ReservedAt);

        Assert.Equal(8, c.SubItems.Count);
        Assert.Equal(EstablishmentCatalog.Items.Select(i => i.Code).Order(), c.SubItems.Select(i => i.Code).Order());
        Assert.All(c.SubItems, i => Assert.Equal(EstablishmentCatalog.Item(i.Code)!.Department, i.Department));
        // Registration is 同步 although the form did not tick it; the unticked items wait for 单独办理.
        Assert.Equal(
            new[] { "registration", "seal", "social-insurance", "tax" },
            c.SubItems.Where(i => i.Synchronous).Select(i => i.Code).Order(StringComparer.Ordinal));
        Assert.All(c.SubItems.Where(i => !i.Synchronous), i =>
        {
            Assert.Equal(SubItemState.Later, i.State);
            Assert.Null(i.DueAt);
        });
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Standard_scope_without_permits_is_accepted_at_once_and_its_synchronous_sub_items_share_the_case_deadline(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech", "software"));

        Assert.True(result.AutoAccepted);
        Assert.Contains(result.Number, result.Notice);
        Assert.Contains("即报即得自动受理", result.Notice);
        Assert.Contains("2026年11月24日 17:00", result.Notice);
        var c = await factory.CaseWithItemsAsync(result.Number);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), c.AcceptedAt);
        Assert.Null(c.OwnerId);
        Assert.Equal(Department.Market.ReviewerRole(), c.HolderRole);

        // 枣庄市: 企业开办 1 working day, the portal's default (000 sets none), over the whole process from the
        // submission: Mon 09:00 → end of the next working day, Tue 17:00 China (two office days of 7 h).
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), c.StepDueAt);
        Assert.Equal(2 * 420, c.StepLimitMinutes);

        var accept = Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.AutoAccept));
        Assert.Equal("即报即得自动受理", accept.ActionLabel);
        Assert.Equal(CaseActor.System.UserId, accept.ActorId);
        Assert.Equal(CaseState.Submitted, accept.FromState);
        Assert.Equal(CaseState.InProgress, accept.ToState);
        Assert.Equal(c.StepDueAt, accept.DueAt);

        var synchronous = c.SubItems.Where(i => i.Synchronous).ToList();
        Assert.Equal(7, synchronous.Count);
        Assert.All(synchronous, i =>
        {
            Assert.Equal(SubItemState.Waiting, i.State);
            Assert.Equal(c.StepDueAt, i.DueAt);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), i.StartedAt);
        });
        var employment = Assert.Single(c.SubItems, i => !i.Synchronous);
        Assert.Equal("employment", employment.Code);
        Assert.Equal(SubItemState.Later, employment.State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Standard_scope_filed_by_anyone_but_the_verified_legal_representative_waits_for_the_window_and_says_why(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var unverified = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant), verified: false);
        var someoneElse = await factory.CreateUserAsync(Roles.Applicant, "李华");
        await factory.VerifyAsync(someoneElse);

        foreach (var (filer, name) in new[] { (unverified, "枣庄青禾科技有限公司"), (someoneElse, "枣庄远山科技有限公司") })
        {
            var result = await factory.SubmitAsync(filer, EstablishmentSteps.ValidForm(name, "tech", "software"));

            Assert.False(result.AutoAccepted);
            Assert.Contains(result.Number, result.Notice);
            Assert.Contains(Submit.NotInstantWithoutIdentity, result.Notice);
            var c = await factory.CaseWithItemsAsync(result.Number);
            Assert.Equal(CaseState.Submitted, c.State);
            Assert.Equal(Roles.Window, c.HolderRole);
            Assert.Null(c.AcceptedAt);
            Assert.DoesNotContain(c.History, e => e.Action == nameof(CaseTrigger.AutoAccept));
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Scope_needing_a_permit_waits_for_the_window_and_no_sub_item_begins_before_acceptance(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄惠民餐饮有限公司", "catering"));

        Assert.False(result.AutoAccepted);
        var submitted = await factory.CaseWithItemsAsync(result.Number);
        Assert.Equal(CaseState.Submitted, submitted.State);
        Assert.Equal(Roles.Window, submitted.HolderRole);
        Assert.Null(submitted.AcceptedAt);
        Assert.DoesNotContain(submitted.History, e => e.Action == nameof(CaseTrigger.AutoAccept));
        Assert.All(submitted.SubItems, i =>
        {
            Assert.Equal(SubItemState.Later, i.State);
            Assert.Null(i.DueAt);
            Assert.Null(i.StartedAt);
        });

        factory.Time.Advance(TimeSpan.FromMinutes(30));
        await factory.ActNowAsync(window, result.Number, CaseTrigger.Accept);

        var accepted = await factory.CaseWithItemsAsync(result.Number);
        Assert.Equal(CaseState.InProgress, accepted.State);
        Assert.Equal(window.Id, accepted.OwnerId);
        // Accepted Mon 09:30: 受理 is inside the whole-process limit, so the deadline counted from the submission
        // (Mon 09:00 + 1 working day = Tue 17:00 China) is kept, not restarted at 受理.
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), accepted.StepDueAt);
        Assert.All(accepted.SubItems.Where(i => i.Synchronous), i =>
        {
            Assert.Equal(SubItemState.Waiting, i.State);
            Assert.Equal(accepted.StepDueAt, i.DueAt);
            Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 30), i.StartedAt);
        });
        Assert.Equal(SubItemState.Later, Assert.Single(accepted.SubItems, i => !i.Synchronous).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Free_text_scope_is_not_accepted_at_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄花语科技有限公司", "tech") with { OtherScope = "鲜花销售" });

        Assert.False(result.AutoAccepted);
        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(CaseState.Submitted, c.State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_files_for_a_registered_applicant_who_then_sees_the_case_as_their_own(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");

        var result = await factory.SubmitAsync(window, EstablishmentSteps.ValidForm("枣庄帮办科技有限公司", "tech") with { ApplicantMobile = $" {applicant.UserName} " });

        // The clerk has the visitor's ID card in front of them: 即报即得 applies although the account is not verified.
        Assert.True(result.AutoAccepted);
        Assert.DoesNotContain(Submit.NotInstantWithoutIdentity, result.Notice);

        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(applicant.Id, c.ApplicantId);
        Assert.Equal("张明", c.ApplicantName);
        Assert.Equal(window.Id, c.FiledById);
        Assert.Equal("王窗口", c.FiledByName);
        Assert.True(c.FiledOnBehalf);
        Assert.Equal(Channel.Window, c.Channel);
        Assert.Equal("提交申请（王窗口代为提交）", c.History.Single(e => e.Action == "Submit").ActionLabel);

        var application = await factory.ApplicationOfCaseAsync(c.Id);
        Assert.NotNull(application);
        Assert.Equal(applicant.Id, application.ApplicantId);
        Assert.Equal(window.Id, application.FiledById);

        var mine = await factory.SendAs(applicant, new MyCases.Query());
        Assert.Equal([result.Number], mine.Select(r => r.Number));
        var view = await factory.SendAs(applicant, new CaseView.Query { Number = result.Number });
        Assert.True(view.FiledOnBehalf);
        Assert.Equal("王窗口", view.FiledBy);
        Assert.Empty(await factory.SendAs(window, new MyCases.Query()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_filing_without_the_applicants_mobile_is_refused_in_Chinese_and_saves_nothing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SubmitAsync(window, EstablishmentSteps.ValidForm("枣庄帮办科技有限公司", "tech")));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(EstablishmentForm.ApplicantMobile), error.Field);
        Assert.Equal("帮办代办请填写申请人注册的手机号。", error.Message);
        Assert.Equal((0, 0, 0, 0), await factory.StoredCountsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_filing_for_an_unregistered_mobile_or_a_staff_account_is_refused(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var window = await factory.CreateUserAsync(Roles.Window);
        var colleague = await factory.CreateUserAsync(Roles.Window);

        foreach (var mobile in new[] { "13999999999", colleague.UserName })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                factory.SubmitAsync(window, EstablishmentSteps.ValidForm("枣庄帮办科技有限公司", "tech") with { ApplicantMobile = mobile }));

            var error = Assert.Single(refused.Errors);
            Assert.Equal(nameof(EstablishmentForm.ApplicantMobile), error.Field);
            Assert.Equal("未找到该手机号注册的申请人，请先协助申请人实名注册。", error.Message);
        }

        Assert.Equal((0, 0, 0, 0), await factory.StoredCountsAsync());
    }
}
