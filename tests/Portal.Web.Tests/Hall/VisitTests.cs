using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Connections;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>
/// A visit and its case: while a window serves a ticket, the case the clerk files for the visitor (帮办代办) or opens is
/// linked to the ticket, the visit is noted in the case's history and the clerk becomes its 首问负责人 — only then, and
/// only for that window's own ticket.
/// </summary>
public sealed class VisitTests
{
    private const string NotServing = "请先叫号并点击“开始办理”，再打开来访人的办件。";

    /// <summary>Calls the next number at the clerk's window and starts serving it; returns the ticket number.</summary>
    private static async Task<string> ServeNextAsync(PortalFactory factory, TestUser clerk)
    {
        var number = await factory.CallNextAsync(clerk);
        await factory.ActAsync(clerk, WindowAct.Action.Serve);
        return number;
    }

    /// <summary>The clerk files 企业开办 for the applicant (帮办代办), as the establishment form does for window staff.</summary>
    private static async Task<string> FileEstablishmentAsync(PortalFactory factory, TestUser clerk, TestUser applicant, string name) =>
        (await factory.SubmitAsync(clerk, EstablishmentSteps.ValidForm(name, "tech") with { OtherScope = "咨询服务", ApplicantMobile = applicant.UserName })).Number;

    /// <summary>Registers a window number for an existing window clerk (as an administrator would).</summary>
    private static async Task AssignWindowAsync(PortalFactory factory, TestUser clerk, string window)
    {
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await manager.FindByIdAsync(clerk.Id);
        Assert.NotNull(user);
        user.WindowNumber = window;
        Assert.True((await manager.UpdateAsync(user)).Succeeded);
    }

    private static Task<List<CaseEvent>> VisitNotesAsync(PortalFactory factory, string number) =>
        factory.WithDb(db => db.CaseEvents.AsNoTracking()
            .Where(e => e.Case.Number == number && e.Action == Case.NoteAction && e.ActionLabel.Contains("号窗口接待"))
            .OrderBy(e => e.Id)
            .ToListAsync());

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Serving_clerk_filing_an_establishment_links_the_ticket_owns_the_case_and_notes_the_visit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var clerk = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("A001", await ServeNextAsync(factory, clerk));
        factory.Time.Advance(TimeSpan.FromMinutes(5));

        var number = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄来访科技有限公司");

        var ticket = await factory.TicketAsync("A001");
        Assert.Equal(number, ticket.CaseNumber);
        Assert.Equal(TicketState.Serving, ticket.State);

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(applicant.Id, c.ApplicantId);
        Assert.Equal(clerk.Id, c.FiledById);
        Assert.Equal(Channel.Window, c.Channel);
        Assert.Equal(CaseState.Submitted, c.State);
        Assert.Equal(clerk.Id, c.OwnerId);
        Assert.Equal("窗口A01工作人员", c.OwnerName);

        var note = Assert.Single(await VisitNotesAsync(factory, number));
        Assert.Equal("A01 号窗口接待（排队号 A001）", note.ActionLabel);
        Assert.Equal(clerk.Id, note.ActorId);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 8), note.At);
        Assert.Equal(CaseState.Submitted, note.ToState);

        // The case page shows the visit to staff.
        var view = await factory.SendAs(clerk, new CaseView.Query { Number = number });
        Assert.Equal("A001（A01 号窗口）", view.VisitTicket);
        Assert.Equal("窗口A01工作人员", view.Owner);

        // The window console shows the linked case while serving.
        var console = await factory.SendAs(clerk, new WindowQuery.Query());
        Assert.Equal(number, console.Current!.CaseNumber);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Second_case_of_the_same_visit_is_noted_and_owned_but_the_ticket_keeps_the_first(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);

        var first = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄第一科技有限公司");
        var second = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄第二科技有限公司");

        Assert.Equal(first, (await factory.TicketAsync("A001")).CaseNumber);
        Assert.Single(await VisitNotesAsync(factory, first));
        Assert.Single(await VisitNotesAsync(factory, second));
        Assert.Equal(clerk.Id, (await factory.LoadCaseAsync(second)).OwnerId);
    }

    [Fact]
    public async Task Case_page_shows_the_visit_and_owner_to_staff_but_not_the_visit_to_the_applicant()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var clerk = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);
        var number = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄页面科技有限公司");

        using (var staff = await new HttpSession(factory).SignedInAsync(clerk))
        {
            var page = await staff.GetAsync($"/Cases/{number}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("排队号 A001（A01 号窗口）", page.TestId("case-visit"));
            Assert.Equal("窗口A01工作人员", page.TestId("case-owner"));
            Assert.Contains("A01 号窗口接待（排队号 A001）", page.Text);

            var console = await staff.GetAsync("/Hall/Window");
            Assert.Equal(number, console.TestId("visit-case-link"));
        }

        using var mine = await new HttpSession(factory).SignedInAsync(applicant);
        var own = await mine.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Null(own.TestId("case-visit"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Case_filed_while_not_serving_is_not_linked_and_has_no_owner(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");

        // No ticket at all.
        var none = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄无号科技有限公司");

        // A ticket called but not yet served.
        await factory.TakeAsync();
        Assert.Equal("A001", await factory.CallNextAsync(clerk));
        var called = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄叫号科技有限公司");
        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);

        // A ticket already finished.
        await factory.ActAsync(clerk, WindowAct.Action.Serve);
        await factory.ActAsync(clerk, WindowAct.Action.Finish);
        var after = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄办结后科技有限公司");

        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);
        foreach (var number in new[] { none, called, after })
        {
            var c = await factory.LoadCaseAsync(number);
            Assert.Null(c.OwnerId);
            Assert.Empty(await VisitNotesAsync(factory, number));
            Assert.Null((await factory.SendAs(clerk, new CaseView.Query { Number = number })).VisitTicket);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Another_windows_serving_ticket_is_never_linked(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var a01 = await factory.CreateWindowAsync("A01");
        var a02 = await factory.CreateWindowAsync("A02");
        await factory.TakeAsync();
        await factory.TakeAsync();
        Assert.Equal("A001", await ServeNextAsync(factory, a02));

        // A01 serves nobody yet: what it files is not A02's visit.
        var notMine = await FileEstablishmentAsync(factory, a01, applicant, "枣庄邻窗科技有限公司");
        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);
        Assert.Empty(await VisitNotesAsync(factory, notMine));
        Assert.Null((await factory.LoadCaseAsync(notMine)).OwnerId);

        // Both serving: each window's case goes to its own ticket.
        Assert.Equal("A002", await ServeNextAsync(factory, a01));
        var fromA01 = await FileEstablishmentAsync(factory, a01, applicant, "枣庄甲窗科技有限公司");
        var fromA02 = await FileEstablishmentAsync(factory, a02, applicant, "枣庄乙窗科技有限公司");
        Assert.Equal(fromA01, (await factory.TicketAsync("A002")).CaseNumber);
        Assert.Equal(fromA02, (await factory.TicketAsync("A001")).CaseNumber);
        Assert.Equal("A01 号窗口接待（排队号 A002）", Assert.Single(await VisitNotesAsync(factory, fromA01)).ActionLabel);
        Assert.Equal("A02 号窗口接待（排队号 A001）", Assert.Single(await VisitNotesAsync(factory, fromA02)).ActionLabel);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Clerk_without_a_window_number_never_links_a_ticket(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var a01 = await factory.CreateWindowAsync("A01");
        var roaming = await factory.CreateUserAsync(Roles.Window, "流动帮办员");
        await factory.TakeAsync();
        await ServeNextAsync(factory, a01);

        var number = await FileEstablishmentAsync(factory, roaming, applicant, "枣庄流动科技有限公司");

        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);
        Assert.Empty(await VisitNotesAsync(factory, number));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(roaming, new OpenVisitCase.Command { CaseNumber = number }));
        Assert.Equal([NotServing], refused.Reasons);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Yesterdays_ticket_left_serving_is_not_todays_visit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);

        factory.Time.SetChina(2026, 11, 24, 9);
        var number = await FileEstablishmentAsync(factory, clerk, applicant, "枣庄隔日科技有限公司");

        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);
        Assert.Empty(await VisitNotesAsync(factory, number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Opening_an_existing_case_while_serving_links_it_and_makes_the_clerk_its_owner(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");
        var number = await factory.SubmitCaseAsync(applicant, "网上申请的公司");
        var before = await factory.LoadCaseAsync(number);
        Assert.Null(before.OwnerId);
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);

        // Typed the way people type: lower case, with spaces.
        var opened = await factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = $"  {number.ToLowerInvariant()} " });

        Assert.Equal(number, opened);
        Assert.Equal(number, (await factory.TicketAsync("A001")).CaseNumber);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(clerk.Id, c.OwnerId);
        Assert.Equal(before.State, c.State);
        Assert.Equal(before.StepDueAt, c.StepDueAt);
        Assert.True(c.Version > before.Version);
        Assert.Equal("A01 号窗口接待（排队号 A001）", Assert.Single(await VisitNotesAsync(factory, number)).ActionLabel);
        Assert.Equal(before.History.Count + 1, c.History.Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Opening_a_case_that_has_an_owner_keeps_the_owner_and_a_linked_ticket_keeps_its_first_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var owner = await factory.CreateUserAsync(Roles.Window, "原受理人");
        var clerk = await factory.CreateWindowAsync("A01");
        var owned = await factory.SubmitCaseAsync(applicant, "已受理的公司");
        await factory.ActNowAsync(owner, owned, CaseTrigger.Accept);
        var other = await factory.SubmitCaseAsync(applicant, "另一家公司");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);

        await factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = owned });
        await factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = other });

        Assert.Equal(owner.Id, (await factory.LoadCaseAsync(owned)).OwnerId);
        Assert.Equal(clerk.Id, (await factory.LoadCaseAsync(other)).OwnerId);
        Assert.Equal(owned, (await factory.TicketAsync("A001")).CaseNumber);
        Assert.Single(await VisitNotesAsync(factory, owned));
        Assert.Single(await VisitNotesAsync(factory, other));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Opening_an_unknown_or_empty_number_is_refused_in_Chinese_and_changes_nothing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var clerk = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);
        var ticketBefore = await factory.TicketAsync("A001");

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = "qykb-20261123-999999" }));
        var error = Assert.Single(unknown.Errors);
        Assert.Equal(nameof(OpenVisitCase.Command.CaseNumber), error.Field);
        Assert.Equal("未找到办件 QYKB-20261123-999999，请核对编号。", error.Message);

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = "  " }));
        Assert.Equal("请输入办件编号。", Assert.Single(empty.Errors).Message);

        var ticket = await factory.TicketAsync("A001");
        Assert.Null(ticket.CaseNumber);
        Assert.Equal(ticketBefore.Version, ticket.Version);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Opening_a_case_without_serving_anyone_is_refused_in_Chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");
        var a02 = await factory.CreateWindowAsync("A02");
        var number = await factory.SubmitCaseAsync(applicant);
        var before = await factory.SnapshotAsync(number);

        var idle = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = number }));
        Assert.Equal([NotServing], idle.Reasons);

        // Called but not serving; and another window serving does not count either.
        await factory.TakeAsync();
        await factory.TakeAsync();
        await factory.CallNextAsync(clerk);
        await ServeNextAsync(factory, a02);
        var called = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(clerk, new OpenVisitCase.Command { CaseNumber = number }));
        Assert.Equal([NotServing], called.Reasons);

        Assert.Equal(before, await factory.SnapshotAsync(number));
        Assert.All(await factory.TicketsAsync(), t => Assert.Null(t.CaseNumber));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Only_window_clerks_may_open_a_visit_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor);
        var clerk = await factory.CreateWindowAsync("A01");
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);
        var before = await factory.SnapshotAsync(number);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(applicant, new OpenVisitCase.Command { CaseNumber = number }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(market, new OpenVisitCase.Command { CaseNumber = number }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(supervisor, new OpenVisitCase.Command { CaseNumber = number }));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new OpenVisitCase.Command { CaseNumber = number }));

        Assert.Equal(before, await factory.SnapshotAsync(number));
        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);
    }

    [Fact]
    public async Task Window_console_open_form_links_and_redirects_to_the_case_or_shows_the_error()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");
        var number = await factory.SubmitCaseAsync(applicant, "窗口打开的公司");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);
        using var session = await new HttpSession(factory).SignedInAsync(clerk);

        var console = await session.GetAsync("/Hall/Window");
        Assert.NotNull(console.TestId("visit-case"));
        Assert.Null(console.TestId("visit-case-link"));
        var wrong = await session.SubmitAsync(console, "/Hall/Window?handler=Open", ("Open.CaseNumber", "QYKB-20261123-999999"));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("未找到办件 QYKB-20261123-999999，请核对编号。", wrong.Text);
        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);

        var answer = await session.SubmitAsync(console, "/Hall/Window?handler=Open", ("Open.CaseNumber", number));
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal($"/Cases/{number}", answer.RedirectPath);
        var page = await session.GetAsync(answer.RedirectPath!);
        Assert.Contains($"已打开办件 {number} 并关联本次接待。", page.Text);
        Assert.Equal("排队号 A001（A01 号窗口）", page.TestId("case-visit"));
        Assert.Equal(number, (await session.GetAsync("/Hall/Window")).TestId("visit-case-link"));
    }

    [Fact]
    public async Task Window_console_open_form_is_refused_to_an_applicant()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var clerk = await factory.CreateWindowAsync("A01");
        var number = await factory.SubmitCaseAsync(applicant);
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var home = await session.GetAsync("/Cases");
        var token = home.Token("/Account/Logout");
        Assert.NotNull(token);

        var answer = await session.PostAsync("/Hall/Window?handler=Open", (HttpSession.TokenField, token), ("Open.CaseNumber", number));

        Assert.True(
            answer.Status == HttpStatusCode.Forbidden || answer.RedirectPath?.StartsWith("/Account/AccessDenied", StringComparison.Ordinal) == true,
            answer.ToString());
        Assert.Null((await factory.TicketAsync("A001")).CaseNumber);
        Assert.Empty(await VisitNotesAsync(factory, number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Connection_application_filed_while_serving_links_the_parent_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var clerk = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await ServeNextAsync(factory, clerk);

        var parent = await factory.SendAs(clerk, ConnectionSteps.Joint() with { ApplicantMobile = applicant.UserName });

        Assert.Equal(parent, (await factory.TicketAsync("A001")).CaseNumber);
        var c = await factory.LoadCaseAsync(parent);
        Assert.Equal(applicant.Id, c.ApplicantId);
        Assert.Equal(clerk.Id, c.OwnerId);
        Assert.Single(await VisitNotesAsync(factory, parent));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Deregistration_started_by_a_serving_clerk_is_linked_to_the_visit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        await AssignWindowAsync(factory, world.Window, "B01");
        await factory.TakeAsync("deregistration");
        var ticket = await ServeNextAsync(factory, world.Window);

        var number = await factory.SendAs(world.Window, DeregistrationSteps.SimpleCommand(world.Enterprise));

        Assert.Equal(number, (await factory.TicketAsync(ticket)).CaseNumber);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(world.Window.Id, c.OwnerId);
        Assert.Equal($"B01 号窗口接待（排队号 {ticket}）", Assert.Single(await VisitNotesAsync(factory, number)).ActionLabel);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Item_started_later_for_an_enterprise_by_a_serving_clerk_is_linked_to_the_visit(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        await AssignWindowAsync(factory, world.Window, "A01");
        await factory.TakeAsync();
        await ServeNextAsync(factory, world.Window);

        var number = await factory.SendAs(world.Window, new StartLater.Command { CreditCode = world.Enterprise.CreditCode, Item = "tax" });

        Assert.Equal(number, (await factory.TicketAsync("A001")).CaseNumber);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.InProgress, c.State); // accepted at once by the system
        Assert.Equal(world.Window.Id, c.OwnerId);
        Assert.Single(await VisitNotesAsync(factory, number));
    }
}
