using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using static Portal.Domain.Tests.Deregistration.DeregistrationKit;

namespace Portal.Domain.Tests.Cases;

/// <summary>
/// A stored deadline counted again when the administrator enters a year's holidays (issue 15): the step is replayed
/// from its history with the new calendar; the history keeps the old and the new deadline and why; nothing else moves.
/// </summary>
public sealed class DeadlineRescheduleTests
{
    /// <summary>A 2027 notice as the administrator might enter it: 元旦 1/1–1/3, and Monday 1/4 off as well.</summary>
    private static readonly DeadlineClock With2027 = new(
        new WorkingCalendar(
            [.. ChinaHolidays.All, .. new[] { 1, 2, 3, 4 }.Select(d => new DayOverride(new DateOnly(2027, 1, d), DayKind.Holiday, "元旦"))],
            [2025, 2026, 2027]),
        DeadlineClock.ChinaStandardTime());

    private static CaseActionContext Recompute(DateTime nowUtc, DeregistrationApplication application, DeadlineClock clock) =>
        At(CaseActor.System, nowUtc, application) with { Clock = clock };

    [Fact]
    public void Replaying_a_step_with_the_calendar_it_started_under_gives_its_stored_deadline()
    {
        var application = SimpleApplication(China(2026, 12, 7, 9));
        var c = Accepted(application, China(2026, 12, 7, 10));

        var replay = c.ReplayDeadline(At(CaseActor.System, China(2026, 12, 20, 10), application))!;

        Assert.Equal(China(2027, 1, 5, 17), c.StepDueAt);
        Assert.Equal(c.StepDueAt, replay.DueUtc);
        Assert.Equal(c.StepWarnAt, replay.WarnUtc);
        Assert.Equal(c.StepLimitMinutes, replay.LimitMinutes);
        Assert.Null(c.Reschedule(At(CaseActor.System, China(2026, 12, 20, 10), application), Case.CalendarChangeReason));
    }

    [Fact]
    public void Entering_the_2027_notice_moves_the_notice_end_and_records_old_and_new_once()
    {
        var application = SimpleApplication(China(2026, 12, 7, 9));
        var c = Accepted(application, China(2026, 12, 7, 10));
        var version = c.Version;
        var events = c.History.Count;

        var change = c.Reschedule(Recompute(China(2026, 12, 20, 10), application, With2027), Case.CalendarChangeReason);

        Assert.Equal(new DeadlineChange(China(2027, 1, 5, 17), China(2027, 1, 6, 17)), change);
        Assert.Equal(China(2027, 1, 6, 17), c.StepDueAt);
        Assert.Equal(CaseState.NoticePeriod, c.State);
        var note = Assert.Single(c.History.Skip(events));
        Assert.Equal(Case.DeadlineChangedAction, note.Action);
        Assert.True(Case.IsNote(note));
        Assert.Equal("“公示期（可提出异议）”环节应于2027年1月5日 17:00前完成，调整为2027年1月6日 17:00前完成。原因：节假日安排变更", note.Reason);
        Assert.Equal(China(2027, 1, 6, 17), note.DueAt);
        Assert.Equal(version, c.Version); // the save moves the version, once

        Assert.Null(c.Reschedule(Recompute(China(2026, 12, 20, 11), application, With2027), Case.CalendarChangeReason));
        Assert.Equal(events + 1, c.History.Count);
    }

    [Fact]
    public void A_new_deadline_still_counted_over_a_year_without_notice_is_marked_provisional()
    {
        var application = SimpleApplication(China(2026, 12, 7, 9));
        var c = Accepted(application, China(2026, 12, 7, 10));
        var partly = new DeadlineClock(
            new WorkingCalendar([.. ChinaHolidays.All, new DayOverride(new DateOnly(2027, 1, 4), DayKind.Holiday, "元旦")], [2025, 2026]),
            DeadlineClock.ChinaStandardTime());

        c.Reschedule(Recompute(China(2026, 12, 20, 10), application, partly), Case.CalendarChangeReason);

        Assert.EndsWith("调整为2027年1月6日 17:00前完成（按法定节假日暂算，以国务院节假日安排为准）。原因：节假日安排变更", c.History[^1].Reason);
    }

    [Fact]
    public void An_overdue_mark_the_new_deadline_no_longer_justifies_is_lifted()
    {
        var application = SimpleApplication(China(2026, 12, 7, 9));
        var c = Accepted(application, China(2026, 12, 7, 10));
        Assert.True(c.MarkOverdue(China(2027, 1, 5, 18)));

        c.Reschedule(Recompute(China(2027, 1, 5, 19), application, With2027), Case.CalendarChangeReason);

        Assert.False(c.IsOverdue);
        Assert.Null(c.OverdueSince);
        Assert.Contains("，不再超时。", c.History[^1].Reason);
    }

    [Fact]
    public void A_step_resumed_after_a_supplement_is_replayed_through_its_pause()
    {
        // Submitted Wed 12/30 09:00: 1 working day to accept, Thu 12/31 17:00.
        var application = SimpleApplication(China(2026, 12, 30, 9));
        var c = Submit(application, China(2026, 12, 30, 9));
        Assert.Equal(China(2026, 12, 31, 17), c.StepDueAt);
        c.Fire(CaseTrigger.RequestSupplement, At(Window, China(2026, 12, 31, 16), application), Because("承诺书"));
        // Paused at 16:00 with 1 office hour left; the applicant answers on Mon 1/4 at 09:00 (a working day by the fallback).
        c.Fire(CaseTrigger.SubmitSupplement, At(Applicant, China(2027, 1, 4, 9), application));
        Assert.Equal(China(2027, 1, 4, 10), c.StepDueAt);

        // With 1/4 a holiday, the hour left counts from Tue 1/5 09:00.
        var change = c.Reschedule(Recompute(China(2027, 1, 4, 9, 30), application, With2027), Case.CalendarChangeReason);

        Assert.Equal(China(2027, 1, 5, 10), change!.NewDueUtc);
        Assert.Equal(China(2027, 1, 5, 10), c.StepDueAt);
    }

    [Fact]
    public void The_open_sub_items_sharing_the_deadline_follow_it_and_finished_ones_keep_theirs()
    {
        var application = SimpleApplication(China(2026, 12, 7, 9));
        var c = Accepted(application, China(2026, 12, 7, 10));
        var open = new SubItem("a", "甲", Department.Market, true);
        var done = new SubItem("b", "乙", Department.Tax, true);
        c.AddSubItem(open);
        c.AddSubItem(done);
        var system = At(CaseActor.System, China(2026, 12, 7, 10), application);
        open.Fire(SubItemTrigger.Begin, system, null, c.StepDueAt);
        done.Fire(SubItemTrigger.Begin, system, null, China(2026, 12, 31, 17));

        c.Reschedule(Recompute(China(2026, 12, 20, 10), application, With2027), Case.CalendarChangeReason);

        Assert.Equal(China(2027, 1, 6, 17), open.DueAt);
        Assert.Equal(China(2026, 12, 31, 17), done.DueAt);
    }
}
