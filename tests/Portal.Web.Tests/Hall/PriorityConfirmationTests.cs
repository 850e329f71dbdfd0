using System.Net;
using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>
/// Priority numbers taken anonymously are 待确认 until the window that calls them checks the reason: confirmed, they
/// are served as before; declined, they wait again as ordinary numbers in their order of issue (issue 16 part 4).
/// </summary>
public sealed class PriorityConfirmationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_confirms_a_called_priority_number_before_serving_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        var elderly = await factory.TakeAsync("establishment", PriorityReason.Elderly);
        Assert.Equal("优先（老年人，待确认）", (await factory.ViewAsync(elderly)).Kind);

        Assert.Equal("A002", await factory.CallNextAsync(a01));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(a01, WindowAct.Action.Serve));
        Assert.Equal(["请先核验优先资格（老年人）：确认优先，或改为普通号重新排队。"], refused.Reasons);
        Assert.Equal(TicketState.Called, (await factory.TicketAsync("A002")).State);

        await factory.ActAsync(a01, WindowAct.Action.ConfirmPriority);
        await factory.ActAsync(a01, WindowAct.Action.Serve);

        var ticket = await factory.TicketAsync("A002");
        Assert.Equal((TicketKind.Priority, PriorityCheck.Confirmed, TicketState.Serving), (ticket.Kind, ticket.PriorityCheck, ticket.State));
        Assert.Equal("优先（老年人）", (await factory.ViewAsync(elderly)).Kind);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Declined_priority_number_waits_as_an_ordinary_number_in_order_of_issue_and_the_window_calls_the_next(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var claimed = await factory.TakeAsync("establishment", PriorityReason.Disabled);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await factory.TakeAsync();

        Assert.Equal("A002", await factory.CallNextAsync(a01));
        await factory.ActAsync(a01, WindowAct.Action.DeclinePriority);

        var view = await factory.ViewAsync(claimed);
        Assert.Equal("普通（优先未确认）", view.Kind);
        Assert.Equal(TicketState.Waiting, view.Code);
        Assert.Equal(1, view.Ahead);
        var called = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            called.Add(await factory.CallNextAsync(a01));
            await factory.ActAsync(a01, WindowAct.Action.Serve);
            await factory.ActAsync(a01, WindowAct.Action.Finish);
        }

        Assert.Equal(["A001", "A002", "A003"], called);
        var ticket = await factory.TicketAsync("A002");
        Assert.Equal((TicketKind.WalkIn, PriorityCheck.Declined, PriorityReason.Disabled), (ticket.Kind, ticket.PriorityCheck, ticket.Reason));
    }

    [Fact]
    public async Task Window_page_offers_the_check_for_a_called_priority_number_and_confirms_it_over_http()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync("establishment", PriorityReason.Pregnant);
        using var session = await new HttpSession(factory).SignedInAsync(a01);
        var page = await session.GetAsync("/Hall/Window");
        var called = await session.SubmitAsync(page, null, ("Data.Do", "CallNext"));
        Assert.Equal(HttpStatusCode.Redirect, called.Status);

        page = await session.GetAsync("/Hall/Window");
        Assert.Contains("优先号待确认：请核验来访人是否为孕妇", page.TestId("priority-check"));
        Assert.NotNull(page.Html.ByTestId("confirm-priority"));
        Assert.NotNull(page.Html.ByTestId("decline-priority"));
        Assert.Null(page.Html.Document.QuerySelector("button[value=Serve]"));

        var confirmed = await session.SubmitAsync(page, null, ("Data.Do", "ConfirmPriority"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        page = await session.GetAsync("/Hall/Window");
        Assert.Null(page.Html.ByTestId("priority-check"));
        Assert.NotNull(page.Html.Document.QuerySelector("button[value=Serve]"));
        Assert.Contains("已确认 A001 为优先号", page.Text);
    }
}
