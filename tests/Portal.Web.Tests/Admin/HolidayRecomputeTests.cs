using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Web.Common;
using Portal.Web.Features.Calendar;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Notices;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Admin;

/// <summary>
/// Issue 15: the administrator enters the 2027 State Council notice while cases run across it. Until then 2027 is
/// counted with the statutory holidays (春节 2/5–2/8 with 2/9 and 2/10 given back) and every date over it is marked
/// provisional; entering the notice (here 春节 2/5–2/12 off, Saturday 2/20 worked) counts again every stored deadline
/// that depends on a changed day, records old → new and why, tells the holder and the applicant, and nothing else.
/// </summary>
public sealed class HolidayRecomputeTests
{
    private const string Notice2027 = """
        # 国务院办公厅关于2027年部分节假日安排的通知（测试用）
        2027-01-01 至 2027-01-03 放假 元旦
        2027-02-05 至 2027-02-12 放假 春节
        2027-02-20 上班 春节调休上班
        """;

    private static SaveYear.Command Enter2027 => new() { Year = 2027, Source = "国务院办公厅关于2027年部分节假日安排的通知", Days = Notice2027 };

    /// <summary>The cases running when the notice is entered, and who holds them.</summary>
    private sealed record Running(DeregistrationWorld World, TestUser Admin, TestUser Applicant, string Notice, string Late, string Untouched);

    /// <summary>
    /// Mon 2027-01-18 10:00: a 简易注销 notice of 20 working days starts (fallback: to Fri 2/19 17:00). Thu 2/4 10:00: a
    /// 企业开办 case is submitted, 1 working day to accept (fallback: 2/5 and 2/8–2/10 off → Thu 2/11 17:00); it is late
    /// on Fri 2/12 09:00 and the sweep marks it. Fri 2/12 09:00: another is submitted (to Mon 2/15, not moved by the notice).
    /// </summary>
    private static async Task<Running> RunAcrossSpringFestivalAsync(PortalFactory factory)
    {
        var world = await DeregistrationWorld.CreateAsync(factory);
        var admin = await factory.CreateUserAsync(Roles.Admin, "系统管理员");
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "刘申请");
        await factory.CreateUserAsync(Roles.Window, "窗口二");

        factory.Time.SetChina(2027, 1, 18, 10);
        var notice = await world.StartSimpleInNoticeAsync();
        factory.Time.SetChina(2027, 2, 4, 10);
        var late = await factory.SubmitCaseAsync(applicant, "枣庄春节科技有限公司");
        factory.Time.SetChina(2027, 2, 12, 9);
        await factory.Services.GetRequiredService<DeadlineSweeper>().SweepOnceAsync(CancellationToken.None);
        var untouched = await factory.SubmitCaseAsync(applicant, "枣庄元宵科技有限公司");
        return new Running(world, admin, applicant, notice, late, untouched);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Entering_the_2027_notice_recomputes_the_deadlines_it_moves_records_why_and_tells_holder_and_applicant(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var run = await RunAcrossSpringFestivalAsync(factory);
        var (notice, late, untouched) = (run.Notice, run.Late, run.Untouched);

        var before = await factory.SnapshotAsync(notice);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 19, 17), before.StepDueAt);
        Assert.True((await factory.SnapshotAsync(late)).IsOverdue);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 11, 17), (await factory.SnapshotAsync(late)).StepDueAt);
        var untouchedBefore = await factory.SnapshotAsync(untouched);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 15, 17), untouchedBefore.StepDueAt);
        var shown = await factory.SendAs(run.World.Representative, new CaseView.Query { Number = notice });
        Assert.EndsWith(WorkingCalendar.ProvisionalNote, shown.Deadline.Text);
        var listed = Assert.Single((await factory.SendAs(null, new NoticeList.Query())).Rows, r => r.Number == notice);
        Assert.Equal("2027年2月19日 17:00" + WorkingCalendar.ProvisionalNote, listed.Ends);

        await factory.SendAs(run.Admin, Enter2027);
        var result = await factory.SendAs(run.Admin, new RecomputeDeadlines.Command());

        Assert.Equal([notice, late], result.Cases.Order());

        // The notice: 20 working days now end on Mon 2/22 (2/11, 2/12 off; Saturday 2/20 worked); the public notice follows.
        var after = await factory.SnapshotAsync(notice);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 22, 17), after.StepDueAt);
        Assert.Equal(CaseState.NoticePeriod, after.State);
        Assert.Equal(before.HistoryCount + 1, after.HistoryCount);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 22, 17), await factory.WithDb(db => db.Deregistrations.Where(d => d.CaseNumber == notice).Select(d => d.NoticeEndsAt).SingleAsync()));
        var note = (await factory.HistoryAsync(notice))[^1];
        Assert.Equal(Case.DeadlineChangedAction, note.Action);
        Assert.Equal("系统管理员", note.ActorName);
        Assert.Equal("“公示期（可提出异议）”环节应于2027年2月19日 17:00前完成，调整为2027年2月22日 17:00前完成。原因：节假日安排变更", note.Reason);
        shown = await factory.SendAs(run.World.Representative, new CaseView.Query { Number = notice });
        Assert.DoesNotContain("暂算", shown.Deadline.Text);
        Assert.StartsWith("2027年2月22日 17:00前", shown.Deadline.Text);
        Assert.Equal("2027年2月22日 17:00", shown.Timeline.Single(s => s.Current).Due);

        // The late acceptance: now due Mon 2/15 17:00, so no longer late.
        var lateAfter = await factory.SnapshotAsync(late);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 15, 17), lateAfter.StepDueAt);
        Assert.False(lateAfter.IsOverdue);
        Assert.EndsWith("调整为2027年2月15日 17:00前完成，不再超时。原因：节假日安排变更", (await factory.HistoryAsync(late))[^1].Reason);

        // Nothing else changes.
        Assert.Equal(untouchedBefore, await factory.SnapshotAsync(untouched));

        // The applicants and the holders (市场监管 for the notice, the window clerks for the acceptance) are told once.
        var messages = await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.DeadlineChanged).ToListAsync());
        Assert.Single(messages, m => m.RecipientId == run.World.Representative.Id && m.CaseNumber == notice && m.Body.Contains("2027年2月22日 17:00"));
        Assert.Single(messages, m => m.RecipientRole == Department.Market.ReviewerRole() && m.CaseNumber == notice);
        Assert.Single(messages, m => m.RecipientId == run.Applicant.Id && m.CaseNumber == late);
        Assert.Single(messages, m => m.RecipientRole == Roles.Window && m.CaseNumber == late);
        Assert.DoesNotContain(messages, m => m.CaseNumber == untouched);

        // Again: nothing to do.
        Assert.Equal(0, (await factory.SendAs(run.Admin, new RecomputeDeadlines.Command())).Changed);
        Assert.Equal(after, await factory.SnapshotAsync(notice));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_instances_recomputing_at_once_move_each_deadline_once(Provider provider)
    {
        await using var first = new PortalFactory(provider);
        var run = await RunAcrossSpringFestivalAsync(first);
        await using var second = new PortalFactory(provider, first.ConnectionString);
        second.Time.SetChina(2027, 2, 12, 9);
        await first.SendAs(run.Admin, Enter2027);
        var history = (await first.SnapshotAsync(run.Notice)).HistoryCount;

        var results = await Task.WhenAll(
            first.SendAs(run.Admin, new RecomputeDeadlines.Command()),
            second.SendAs(run.Admin, new RecomputeDeadlines.Command()));

        Assert.Equal(2, results.Sum(r => r.Changed));
        var after = await first.SnapshotAsync(run.Notice);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 22, 17), after.StepDueAt);
        Assert.Equal(history + 1, after.HistoryCount);
        Assert.Equal(1, await first.WithDb(db => db.CaseEvents.CountAsync(e => e.Case.Number == run.Late && e.Action == Case.DeadlineChangedAction)));
        Assert.Equal(1, await first.WithDb(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.DeadlineChanged && n.RecipientId == run.World.Representative.Id)));
        Assert.Null(await first.WithDb(db => RecomputeDeadlines.PendingAsync(db, CancellationToken.None)));
    }

    [Fact]
    public async Task A_holiday_entered_for_one_day_recomputes_too_and_an_unrelated_day_moves_nothing()
    {
        await using var factory = new PortalFactory();
        var run = await RunAcrossSpringFestivalAsync(factory);

        await factory.SendAs(run.Admin, new SaveDay.Command { Date = new DateOnly(2027, 3, 1), Kind = DayKind.Holiday, Name = "测试假日" });
        Assert.Equal(0, (await factory.SendAs(run.Admin, new RecomputeDeadlines.Command())).Changed);

        await factory.SendAs(run.Admin, new SaveDay.Command { Date = new DateOnly(2027, 2, 11), Kind = DayKind.Holiday, Name = "春节" });
        var result = await factory.SendAs(run.Admin, new RecomputeDeadlines.Command());

        Assert.Contains(run.Notice, result.Cases);
        Assert.Equal(Scenario.ChinaUtc(2027, 2, 22, 17), (await factory.SnapshotAsync(run.Notice)).StepDueAt);
        // 2027 is still without its notice: the new deadline is still provisional, and says so.
        Assert.Contains(WorkingCalendar.ProvisionalNote, (await factory.HistoryAsync(run.Notice))[^1].Reason);
    }

    [Fact]
    public async Task A_year_typed_with_mistakes_is_refused_line_by_line_in_Chinese_and_nothing_is_saved()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(admin, Enter2027 with
        {
            Days = "2027-02-05 至 2027-02-12 放假 春节\n2027-02-22 上班 春节调休上班\n2028-01-01 放假 元旦\n明天 放假",
        }));

        Assert.Equal(
            ["第2行：调休上班日2027-02-22应为周六或周日。", "第3行的日期应在2027年内，且结束日期不早于开始日期、一次不超过31天。", "第4行格式应为“2027-02-05 至 2027-02-11 放假 春节”或“2027-02-20 上班 春节调休上班”。"],
            refused.Errors.Select(e => e.Message));
        Assert.False(await factory.WithDb(db => db.CalendarYears.AnyAsync(y => y.Year == 2027)));
        Assert.False(await factory.WithDb(db => db.CalendarDays.AnyAsync(d => d.Date.Year == 2027)));
    }
}
