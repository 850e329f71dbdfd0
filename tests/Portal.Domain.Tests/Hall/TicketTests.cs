using Portal.Domain.Hall;
using static Portal.Domain.Tests.Hall.HallKit;

namespace Portal.Domain.Tests.Hall;

/// <summary>A ticket's numbering and its moves (recall, no-show, serve, link a case, finish, transfer) with their Chinese refusals.</summary>
public sealed class TicketTests
{
    [Theory]
    [InlineData("establishment", 1, "A001")]
    [InlineData("deregistration", 12, "B012")]
    [InlineData("connection", 123, "C123")]
    [InlineData("general", 7, "D007")]
    public void Number_is_the_category_letter_and_three_digit_sequence(string category, int sequence, string number)
    {
        var t = Ticket.Issue(HallCategories.Find(category)!, TicketKind.WalkIn, PriorityReason.None, Day, sequence, Nine, "abc");

        Assert.Equal(number, t.Number);
        Assert.Equal(category, t.Category);
        Assert.Equal(sequence, t.Sequence);
        Assert.Equal(Day, t.LocalDate);
        Assert.Equal(Nine, t.IssuedAt);
        Assert.Equal("abc", t.AccessCode);
        Assert.Equal(TicketState.Waiting, t.State);
        Assert.Equal("等候中", t.State.Label());
        Assert.Null(t.WindowNumber);
        Assert.Null(t.TransferredTo);
    }

    [Fact]
    public void Priority_ticket_without_a_reason_is_refused_in_chinese()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Ticket.Issue(Establishment, TicketKind.Priority, PriorityReason.None, Day, 1, Nine, "abc"));

        Assert.Contains("优先号须注明优先原因", ex.Message);
    }

    [Fact]
    public void Priority_ticket_keeps_its_reason_and_a_walk_in_drops_one()
    {
        Assert.Equal(PriorityReason.Pregnant, Priority(1, 0, PriorityReason.Pregnant).Reason);
        var walkIn = Ticket.Issue(Establishment, TicketKind.WalkIn, PriorityReason.Elderly, Day, 2, Nine, "x");
        Assert.Equal(PriorityReason.None, walkIn.Reason);
    }

    [Fact]
    public void Called_ticket_is_served_linked_to_a_case_and_finished()
    {
        var t = WalkIn(1, 0).CalledTo("A01");

        t.Recall(Nine.AddMinutes(31));
        t.Recall(Nine.AddMinutes(32));
        Assert.Equal(2, t.RecallCount);
        Assert.Equal(Nine.AddMinutes(32), t.CalledAt);

        t.StartServing(Nine.AddMinutes(33));
        Assert.Equal(TicketState.Serving, t.State);
        Assert.Equal(Nine.AddMinutes(33), t.ServedAt);

        t.LinkCase("QYKB20261123001");
        Assert.Equal("QYKB20261123001", t.CaseNumber);

        t.Finish(Nine.AddMinutes(50));
        Assert.Equal(TicketState.Done, t.State);
        Assert.Equal(Nine.AddMinutes(50), t.DoneAt);
        Assert.Equal("已办结", t.State.Label());
    }

    [Fact]
    public void Called_ticket_that_does_not_come_is_marked_no_show()
    {
        var t = WalkIn(1, 0).CalledTo("A01");

        t.MarkNoShow(Nine.AddMinutes(40));

        Assert.Equal(TicketState.NoShow, t.State);
        Assert.Equal(Nine.AddMinutes(40), t.DoneAt);
        Assert.Equal("过号", t.State.Label());
    }

    [Fact]
    public void Finish_before_serving_is_refused()
    {
        var t = WalkIn(1, 0).CalledTo("A01");

        var ex = Assert.Throws<InvalidOperationException>(() => t.Finish(Nine));

        Assert.Equal("开始办理后才能办结（当前：已叫号）。", ex.Message);
        Assert.Equal(TicketState.Called, t.State);
    }

    [Fact]
    public void No_show_after_serving_has_started_is_refused()
    {
        var t = WalkIn(1, 0).CalledTo("A01");
        t.StartServing(Nine);

        var ex = Assert.Throws<InvalidOperationException>(() => t.MarkNoShow(Nine));

        Assert.Equal("只有已叫号未到的号码可以过号（当前：办理中）。", ex.Message);
        Assert.Equal(TicketState.Serving, t.State);
    }

    [Fact]
    public void Waiting_ticket_cannot_be_served_recalled_or_linked()
    {
        var t = WalkIn(1, 0);

        Assert.Equal("请先叫号（当前：等候中）。", Assert.Throws<InvalidOperationException>(() => t.StartServing(Nine)).Message);
        Assert.Equal("只有已叫号的号码可以重呼（当前：等候中）。", Assert.Throws<InvalidOperationException>(() => t.Recall(Nine)).Message);
        Assert.Equal("开始办理后才能关联办件（当前：等候中）。", Assert.Throws<InvalidOperationException>(() => t.LinkCase("X")).Message);
        Assert.Equal("只有正在叫号或办理的号码可以转窗", Assert.Throws<InvalidOperationException>(() => t.TransferTo("A02")).Message);
        Assert.Equal(TicketState.Waiting, t.State);
    }

    [Fact]
    public void Finished_ticket_cannot_be_recalled_served_or_transferred()
    {
        var t = WalkIn(1, 0).CalledTo("A01");
        t.StartServing(Nine);
        t.Finish(Nine);

        Assert.Contains("当前：已办结", Assert.Throws<InvalidOperationException>(() => t.Recall(Nine)).Message);
        Assert.Contains("当前：已办结", Assert.Throws<InvalidOperationException>(() => t.StartServing(Nine)).Message);
        Assert.Contains("当前：已办结", Assert.Throws<InvalidOperationException>(() => t.Finish(Nine)).Message);
        Assert.Throws<InvalidOperationException>(() => t.TransferTo("A02"));
    }

    [Fact]
    public void Transfer_to_the_same_window_is_refused()
    {
        var t = WalkIn(1, 0).CalledTo("A01");

        var ex = Assert.Throws<InvalidOperationException>(() => t.TransferTo("A01"));

        Assert.Equal("不能转给本窗口", ex.Message);
        Assert.Equal(TicketState.Called, t.State);
        Assert.Equal("A01", t.WindowNumber);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Transfer_puts_a_called_or_serving_ticket_back_to_waiting_for_the_other_window(bool serving)
    {
        var t = WalkIn(1, 0).CalledTo("A01");
        if (serving)
        {
            t.StartServing(Nine);
        }

        t.TransferTo("A02");

        Assert.Equal(TicketState.Waiting, t.State);
        Assert.Equal("A02", t.TransferredTo);
        Assert.Null(t.WindowNumber);
        Assert.Null(t.CalledAt);
        Assert.Null(t.ServedAt);
    }
}
