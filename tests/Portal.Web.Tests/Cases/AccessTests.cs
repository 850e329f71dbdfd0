using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Calendar;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Promises;
using Portal.Web.Features.Supervision;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Support;
using Portal.Workflow;

namespace Portal.Web.Tests.Cases;

/// <summary>Every access decision of the case pages and the staff pages, through the MediatR pipeline as real users.</summary>
public sealed class AccessTests
{
    [Fact]
    public async Task Applicant_can_view_own_case()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var number = await factory.SubmitCaseAsync(applicant, "枣庄示例科技有限公司 设立登记");

        var view = await factory.SendAs(applicant, new CaseView.Query { Number = number });

        Assert.Equal(number, view.Number);
        Assert.Equal("枣庄示例科技有限公司 设立登记", view.Title);
        Assert.Equal("张明", view.Applicant);
        Assert.Equal(CaseState.Submitted.Label(), view.State);
        Assert.False(view.IsStaff);
        Assert.Equal([CaseTrigger.Withdraw], view.Actions);
    }

    [Fact]
    public async Task Another_applicant_gets_not_found_for_a_case_that_is_not_theirs()
    {
        await using var factory = new PortalFactory();
        var a = await factory.CreateUserAsync(Roles.Applicant);
        var b = await factory.CreateUserAsync(Roles.Applicant);
        var number = await factory.SubmitCaseAsync(a);
        var before = await factory.SnapshotAsync(number);

        var view = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(b, new CaseView.Query { Number = number }));
        var act = await Assert.ThrowsAsync<NotFoundException>(() => factory.ActAsync(b, number, CaseTrigger.Withdraw, before.Version));

        // The same answer as for a number that does not exist: nobody learns which cases exist.
        var missing = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(b, new CaseView.Query { Number = "QYKB-20261123-999999" }));
        Assert.Equal(missing.Message, view.Message);
        Assert.Equal(missing.Message, act.Message);
        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Fact]
    public async Task Applicant_cannot_see_another_applicants_cases_in_my_cases()
    {
        await using var factory = new PortalFactory();
        var a = await factory.CreateUserAsync(Roles.Applicant);
        var b = await factory.CreateUserAsync(Roles.Applicant);
        var first = await factory.SubmitCaseAsync(a, "A 的第一个办件");
        var second = await factory.SubmitCaseAsync(a, "A 的第二个办件");
        var own = await factory.SubmitCaseAsync(b, "B 的办件");

        var mine = await factory.SendAs(b, new MyCases.Query());
        var theirs = await factory.SendAs(a, new MyCases.Query());

        Assert.Equal([own], mine.Select(r => r.Number));
        Assert.Equal([first, second], theirs.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task Tax_reviewer_can_neither_view_nor_complete_an_establishment_case()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        var before = await factory.SnapshotAsync(number);

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(tax, new CaseView.Query { Number = number }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.ActAsync(tax, number, CaseTrigger.Complete, before.Version));

        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Fact]
    public async Task Market_reviewer_can_view_and_complete_an_establishment_case_after_acceptance()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);

        var submitted = await factory.SendAs(market, new CaseView.Query { Number = number });
        Assert.DoesNotContain(CaseTrigger.Complete, submitted.Actions);

        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        factory.Time.Advance(TimeSpan.FromHours(1));
        var accepted = await factory.SendAs(market, new CaseView.Query { Number = number });
        Assert.Contains(CaseTrigger.Complete, accepted.Actions);
        Assert.True(accepted.IsStaff);
        await factory.ActAsync(market, number, CaseTrigger.Complete, accepted.Version);

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.Completed, c.State);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 10), c.ClosedAt);
        Assert.Equal(market.Id, (await factory.HistoryAsync(number))[^1].ActorId);
    }

    [Theory]
    [InlineData(Roles.Window)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Admin)]
    public async Task Window_supervisor_and_admin_can_view_any_case(string role)
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var staff = await factory.CreateUserAsync(role);
        var number = await factory.SubmitCaseAsync(applicant, "任一办件");

        var view = await factory.SendAs(staff, new CaseView.Query { Number = number });

        Assert.Equal(number, view.Number);
        Assert.Equal("任一办件", view.Title);
        Assert.True(view.IsStaff);
    }

    [Fact]
    public async Task Anonymous_requests_must_sign_in_first()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var number = await factory.SubmitCaseAsync(applicant);
        var before = await factory.SnapshotAsync(number);

        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new CaseView.Query { Number = number }));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new Act.Command { Number = number, Trigger = CaseTrigger.Withdraw }));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new MyCases.Query()));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new Queue.Query()));

        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Fact]
    public async Task Applicant_is_forbidden_the_staff_workbench()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(applicant, new Queue.Query()));

        Assert.Equal("您没有权限执行此操作。", refused.Message);
    }

    [Fact]
    public async Task Window_clerk_is_forbidden_the_supervision_overview_which_supervisor_and_admin_may_open()
    {
        await using var factory = new PortalFactory();
        var window = await factory.CreateUserAsync(Roles.Window);
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var admin = await factory.CreateUserAsync(Roles.Admin);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(window, new Overview.Query()));

        Assert.Equal(0, (await factory.SendAs(supervisor, new Overview.Query())).OpenCases);
        Assert.Empty((await factory.SendAs(admin, new Overview.Query())).Overdue);
    }

    [Fact]
    public async Task Supervisor_may_not_change_profiles_limits_or_the_calendar()
    {
        await using var factory = new PortalFactory();
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var row = await EstablishmentTotalRowAsync(factory);
        var holiday = new DateOnly(2026, 12, 1);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(supervisor, new SwitchProfile.Command { Profile = "taian" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(supervisor, new EditLimit.Command { Id = row.Id, Amount = 2, Unit = TimeUnit.OfficeHours, Version = row.Version }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(supervisor, new SaveDay.Command { Date = holiday, Kind = DayKind.Holiday, Name = "测试假日" }));

        Assert.Equal(PolicyProfiles.Zaozhuang.Name, (await factory.SendAs(supervisor, new PromiseList.Query())).ProfileName);
        var after = await EstablishmentTotalRowAsync(factory);
        var shipped = PolicyProfiles.Zaozhuang.Find(PromiseKeys.EstablishmentTotal)!.Limit; // 枣庄市: the portal's 1个工作日 (0.5 is 峄城区's)
        Assert.Equal((shipped.Amount, shipped.Unit, row.Version), (after.Amount, after.Unit, after.Version));
        Assert.True((await factory.SendAs(supervisor, new CalendarApi.Day.Query { Date = "2026-12-01" })).Working);
    }

    [Fact]
    public async Task Unauthorised_request_is_refused_before_its_input_is_validated()
    {
        await using var factory = new PortalFactory();
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        // Invalid input too: the answer is still "forbidden", not the validation messages of an admin form.
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(supervisor, new EditLimit.Command { Id = 1, Amount = 0, Version = 0 }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(applicant, new SaveDay.Command { Date = null, Name = "" }));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new SwitchProfile.Command { Profile = "" }));
    }

    [Fact]
    public async Task Admin_may_change_profiles_limits_and_the_calendar()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var row = await EstablishmentTotalRowAsync(factory);

        await factory.SendAs(admin, new EditLimit.Command { Id = row.Id, Amount = 3, Unit = TimeUnit.OfficeHours, Version = row.Version });
        await factory.SendAs(admin, new SaveDay.Command { Date = new DateOnly(2026, 12, 1), Kind = DayKind.Holiday, Name = "测试假日" });
        await factory.SendAs(admin, new SwitchProfile.Command { Profile = "taian" });

        var edited = await EstablishmentTotalRowAsync(factory, "zaozhuang");
        Assert.Equal((3, TimeUnit.OfficeHours, row.Version + 1), (edited.Amount, edited.Unit, edited.Version));
        Assert.False((await factory.SendAs(admin, new CalendarApi.Day.Query { Date = "2026-12-01" })).Working);
        Assert.Equal(PolicyProfiles.Taian.Name, (await factory.SendAs(admin, new PromiseList.Query())).ProfileName);
    }

    private static Task<Portal.Infrastructure.Data.PromiseLimit> EstablishmentTotalRowAsync(PortalFactory factory, string profile = "zaozhuang") =>
        factory.WithDb(db => db.PromiseLimits.AsNoTracking().SingleAsync(p => p.ProfileCode == profile && p.Key == PromiseKeys.EstablishmentTotal));
}
