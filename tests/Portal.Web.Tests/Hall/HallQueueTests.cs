using Portal.Domain.Hall;
using Portal.Web.Common;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>
/// The hall queue end to end through MediatR on both databases: numbers taken anonymously, called in queue order,
/// a window holding one number at a time, transfers, the ticket page and the call board.
/// </summary>
public sealed class HallQueueTests
{
    private const string Empty = "当前没有等候的号码。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Priority_number_is_called_first_then_walk_ins_in_order_of_issue(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var a = await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var b = await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var d = await factory.TakeAsync("establishment", PriorityReason.Elderly);
        Assert.Equal(["A001", "A002", "A003"], [await factory.NumberOfAsync(a), await factory.NumberOfAsync(b), await factory.NumberOfAsync(d)]);

        var called = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            called.Add(await factory.CallNextAsync(a01));
            if (called[^1] == "A003")
            {
                // A priority number is confirmed by the window that calls it before it is served.
                await factory.ActAsync(a01, WindowAct.Action.ConfirmPriority);
            }

            await factory.ActAsync(a01, WindowAct.Action.Serve);
            await factory.ActAsync(a01, WindowAct.Action.Finish);
        }

        Assert.Equal(["A003", "A001", "A002"], called);
        var stored = await factory.TicketsAsync();
        Assert.All(stored, t => Assert.Equal(TicketState.Done, t.State));
        Assert.All(stored, t => Assert.Equal("A01", t.WindowNumber));
        Assert.All(stored, t => Assert.Equal(a01.Name, t.CalledByName));
        var empty = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CallNextAsync(a01));
        Assert.Equal([Empty], empty.Reasons);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Calling_with_nobody_waiting_is_refused_in_chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CallNextAsync(a01));

        Assert.Equal([Empty], ex.Reasons);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_with_a_current_number_cannot_call_another_until_it_is_closed(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await factory.TakeAsync();
        Assert.Equal("A001", await factory.CallNextAsync(a01));

        var whileCalled = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CallNextAsync(a01));
        Assert.Equal(["本窗口还有未办结的号码 A001，请先办结、过号或转窗。"], whileCalled.Reasons);
        await factory.ActAsync(a01, WindowAct.Action.Serve);
        var whileServing = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CallNextAsync(a01));
        Assert.Contains("A001", whileServing.Reasons.Single());
        Assert.Equal(TicketState.Waiting, (await factory.TicketAsync("A002")).State);

        // Finishing before serving, or a no-show after serving, are refused with the domain's Chinese text.
        var noShow = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(a01, WindowAct.Action.NoShow));
        Assert.Equal(["只有已叫号未到的号码可以过号（当前：办理中）。"], noShow.Reasons);

        await factory.ActAsync(a01, WindowAct.Action.Finish);
        Assert.Equal("A002", await factory.CallNextAsync(a01));
        var finishEarly = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(a01, WindowAct.Action.Finish));
        Assert.Equal(["开始办理后才能办结（当前：已叫号）。"], finishEarly.Reasons);
        Assert.Equal("A002", await factory.ActAsync(a01, WindowAct.Action.Recall));
        Assert.Equal(1, (await factory.TicketAsync("A002")).RecallCount);
        Assert.Equal("A002", await factory.ActAsync(a01, WindowAct.Action.NoShow));
        Assert.Equal(TicketState.NoShow, (await factory.TicketAsync("A002")).State);

        var nothing = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(a01, WindowAct.Action.Recall));
        Assert.Equal(["本窗口当前没有号码，请先叫号。"], nothing.Reasons);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Clerk_without_a_window_number_is_told_to_have_one_registered(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var clerk = await factory.CreateUserAsync(Domain.Organisation.Roles.Window);
        await factory.TakeAsync();

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CallNextAsync(clerk));

        Assert.Equal(["您的账号没有登记窗口号，请管理员在账号中设置。"], ex.Reasons);
        Assert.Equal(TicketState.Waiting, (await factory.TicketAsync("A001")).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Applicant_and_anonymous_visitor_cannot_act_as_a_window(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Domain.Organisation.Roles.Applicant);
        await factory.TakeAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.CallNextAsync(applicant));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(applicant, new WindowQuery.Query()));
        await Assert.ThrowsAnyAsync<PortalException>(() => factory.SendAs(null, new WindowAct.Command { Do = WindowAct.Action.CallNext }));
        Assert.Equal(TicketState.Waiting, (await factory.TicketAsync("A001")).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite, "2026-11-28")]
    [InlineData(Provider.Sqlite, "2026-10-01")]
    [InlineData(Provider.PostgreSql, "2026-11-28")]
    [InlineData(Provider.PostgreSql, "2026-10-01")]
    public async Task Taking_a_number_on_a_non_working_day_is_refused_in_chinese(Provider provider, string day)
    {
        await using var factory = new PortalFactory(provider);
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        factory.Time.SetChina(date.Year, date.Month, date.Day, 9);

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => factory.TakeAsync());

        Assert.Equal([$"今天（{date.Month}月{date.Day}日）为非工作日，大厅不办理业务，请在工作日前来或在线办理。"], ex.Reasons);
        Assert.Empty(await factory.TicketsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Unknown_category_is_refused_and_each_category_has_its_own_series(Provider provider)
    {
        await using var factory = new PortalFactory(provider);

        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.TakeAsync("passport"));
        Assert.Contains("请选择办理的业务类别。", bad.Message);

        var numbers = new List<string>();
        foreach (var category in new[] { "establishment", "deregistration", "connection", "general", "establishment", "general" })
        {
            numbers.Add(await factory.NumberOfAsync(await factory.TakeAsync(category)));
        }

        Assert.Equal(["A001", "B001", "C001", "D001", "A002", "D002"], numbers);

        // The next working day starts again at 001.
        factory.Time.SetChina(2026, 11, 24, 8, 30);
        Assert.Equal("A001", await factory.NumberOfAsync(await factory.TakeAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Transfer_from_A01_to_A02_puts_the_ticket_back_and_only_A02_calls_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var a02 = await factory.CreateWindowAsync("A02");
        await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await factory.TakeAsync();
        Assert.Equal("A001", await factory.CallNextAsync(a01));
        await factory.ActAsync(a01, WindowAct.Action.Serve);

        var self = await Assert.ThrowsAsync<RuleViolationException>(() => factory.ActAsync(a01, WindowAct.Action.Transfer, "A01"));
        Assert.Equal(["不能转给本窗口"], self.Reasons);
        var nowhere = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.ActAsync(a01, WindowAct.Action.Transfer, "Z99"));
        // A window that does not exist is named as such, not answered with "请填写" as if the field were empty.
        Assert.Contains("大厅没有“Z99”号窗口", nowhere.Message);
        Assert.DoesNotContain("请填写要转去的窗口号", nowhere.Message);
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.ActAsync(a01, WindowAct.Action.Transfer, " "));
        Assert.Contains("请填写要转去的窗口号", empty.Message);
        Assert.Equal(TicketState.Serving, (await factory.TicketAsync("A001")).State);

        Assert.Equal("A001", await factory.ActAsync(a01, WindowAct.Action.Transfer, " A02 "));
        var moved = await factory.TicketAsync("A001");
        Assert.Equal(TicketState.Waiting, moved.State);
        Assert.Equal("A02", moved.TransferredTo);
        Assert.Null(moved.WindowNumber);

        // A02 sees it first, marked 转入; A01 does not see it at all.
        var a02View = await factory.SendAs(a02, new WindowQuery.Query());
        Assert.Equal("A02", a02View.Window);
        Assert.Equal(["A001", "A002"], a02View.Queue.Select(w => w.Number));
        Assert.Equal("转入", a02View.Queue[0].Kind);
        var a01View = await factory.SendAs(a01, new WindowQuery.Query());
        Assert.Null(a01View.Current);
        Assert.Equal(["A002"], a01View.Queue.Select(w => w.Number));

        // A01 is free again and calls the next walk-in, never the transferred ticket.
        Assert.Equal("A002", await factory.CallNextAsync(a01));
        await factory.ActAsync(a01, WindowAct.Action.NoShow);
        var none = await Assert.ThrowsAsync<RuleViolationException>(() => factory.CallNextAsync(a01));
        Assert.Equal([Empty], none.Reasons);

        Assert.Equal("A001", await factory.CallNextAsync(a02));
        var called = await factory.TicketAsync("A001");
        Assert.Equal(TicketState.Called, called.State);
        Assert.Equal("A02", called.WindowNumber);
        Assert.Null(called.TransferredTo);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Ticket_page_shows_how_many_are_ahead_and_the_state(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var a = await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var b = await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var d = await factory.TakeAsync("establishment", PriorityReason.Pregnant);

        var viewA = await factory.ViewAsync(a);
        Assert.Equal("A001", viewA.Number);
        Assert.Equal("企业开办", viewA.Category);
        Assert.Equal("普通", viewA.Kind);
        Assert.Equal("等候中", viewA.State);
        Assert.Equal(TicketState.Waiting, viewA.Code);
        Assert.Equal(1, viewA.Ahead);
        Assert.Equal(2, (await factory.ViewAsync(b)).Ahead);
        var viewD = await factory.ViewAsync(d);
        Assert.Equal(0, viewD.Ahead);
        Assert.Equal("优先（孕妇，待确认）", viewD.Kind);
        Assert.Equal(d, viewD.AccessCode);
        Assert.True(viewD.EstimatedMinutes == 0);
        Assert.True((await factory.ViewAsync(b)).EstimatedMinutes > 0);

        Assert.Equal("A003", await factory.CallNextAsync(a01));

        viewD = await factory.ViewAsync(d);
        Assert.Equal("已叫号", viewD.State);
        Assert.Equal(TicketState.Called, viewD.Code);
        Assert.Equal("A01", viewD.Window);
        Assert.Equal(0, viewD.Ahead);
        Assert.Equal(0, (await factory.ViewAsync(a)).Ahead);
        Assert.Equal(1, (await factory.ViewAsync(b)).Ahead);

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => factory.ViewAsync("nope"));
        Assert.Equal("未找到该号码。", missing.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Board_shows_the_called_numbers_with_their_windows_and_the_count_waiting(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var a02 = await factory.CreateWindowAsync("A02");
        await factory.TakeAsync();
        await factory.TakeAsync("general");
        await factory.TakeAsync();

        var before = await factory.SendAs(null, new Board.Query());
        Assert.Empty(before.Calls);
        Assert.Equal(3, before.Waiting);

        Assert.Equal("A001", await factory.CallNextAsync(a01));
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("D001", await factory.CallNextAsync(a02));
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        await factory.ActAsync(a01, WindowAct.Action.Recall);

        var board = await factory.SendAs(null, new Board.Query());
        Assert.Equal(1, board.Waiting);
        Assert.Equal(new[] { "A001", "D001" }, board.Calls.Select(c => c.Number).Order());
        var a001 = board.Calls.Single(c => c.Number == "A001");
        Assert.Equal("A01", a001.Window);
        Assert.Equal(1, a001.Recall);
        Assert.Equal("09:01:00", a001.At);
        var d001 = board.Calls.Single(c => c.Number == "D001");
        Assert.Equal("A02", d001.Window);
        Assert.Equal("09:00:30", d001.At);

        // A finished number stays on the board, said to be done (a visitor who looked away still finds it).
        await factory.ActAsync(a02, WindowAct.Action.Serve);
        await factory.ActAsync(a02, WindowAct.Action.Finish);
        var after = await factory.SendAs(null, new Board.Query());
        Assert.Equal(["A001", "D001"], after.Calls.Select(c => c.Number));
        Assert.Equal(["请到窗口", "已办结"], after.Calls.Select(c => c.State));
    }

    /// <summary>
    /// BUG: the board listed only numbers still being called or served, so with one number per window it showed only the
    /// newest call: a visitor who looked away could not find where their number had been called. Now it lists the day's
    /// last calls, newest first, each with what is said aloud.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Board_lists_the_last_calls_newest_first_with_their_announcement(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        for (var i = 0; i < Board.Shown + 2; i++)
        {
            await factory.TakeAsync();
        }

        // One window calls, serves and finishes ten numbers in turn; the second one did not come (过号).
        for (var i = 1; i <= Board.Shown + 2; i++)
        {
            Assert.Equal($"A{i:D3}", await factory.CallNextAsync(a01));
            factory.Time.Advance(TimeSpan.FromMinutes(1));
            if (i == 2)
            {
                await factory.ActAsync(a01, WindowAct.Action.NoShow);
                continue;
            }

            await factory.ActAsync(a01, WindowAct.Action.Serve);
            if (i < Board.Shown + 2)
            {
                await factory.ActAsync(a01, WindowAct.Action.Finish);
            }
        }

        var board = await factory.SendAs(null, new Board.Query());

        Assert.Equal(Enumerable.Range(3, Board.Shown).Reverse().Select(i => $"A{i:D3}"), board.Calls.Select(c => c.Number));
        var newest = board.Calls[0];
        Assert.Equal(("A010", "A01", "办理中", "请 A010 号到 A01 号窗口办理"), (newest.Number, newest.Window, newest.State, newest.Announcement));
        // Shown large: the call while it is called, afterwards where it was called and what became of it.
        Assert.Equal("A010 号 · A01 号窗口 · 办理中", newest.Headline);
        Assert.Equal("A009 号 · A01 号窗口 · 已办结", board.Calls[1].Headline);
        Assert.All(board.Calls.Skip(1), c => Assert.Equal("已办结", c.State));
        Assert.Equal(Board.Shown, board.Calls.Select(c => c.Key).Distinct().Count());
        Assert.Equal(0, board.Waiting);

        // A recall is a new call (announced again); a transferred number leaves the board until its new window calls it.
        await factory.ActAsync(a01, WindowAct.Action.Finish);
        await factory.TakeAsync();
        await factory.TakeAsync();
        Assert.Equal("A011", await factory.CallNextAsync(a01));
        var first = (await factory.SendAs(null, new Board.Query())).Calls[0];
        factory.Time.Advance(TimeSpan.FromSeconds(20));
        await factory.ActAsync(a01, WindowAct.Action.Recall);
        var recalled = (await factory.SendAs(null, new Board.Query())).Calls[0];
        Assert.Equal(("A011", "请 A011 号到 A01 号窗口办理", "请 A011 号到 A01 号窗口办理"), (recalled.Number, recalled.Announcement, recalled.Headline));
        Assert.NotEqual(first.Key, recalled.Key);
        await factory.CreateWindowAsync("A02");
        await factory.ActAsync(a01, WindowAct.Action.Transfer, "A02");
        Assert.DoesNotContain("A011", (await factory.SendAs(null, new Board.Query())).Calls.Select(c => c.Number));

        // Yesterday's calls are not today's.
        factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Empty((await factory.SendAs(null, new Board.Query())).Calls);
    }
}
