using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Promises;
using Portal.Web.Features.Shared;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Cases;

/// <summary>Working-day arithmetic shown to people (issue 15 part 2).</summary>
public sealed class TimeShownTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    /// <summary>A fresh 20-working-day notice (Mon 2026-11-23 10:00, due Mon 12/21 17:00): 6 hours today and 20 days of 7 hours.</summary>
    [Fact]
    public void Time_left_in_working_days_divides_by_the_configured_office_day()
    {
        var now = Scenario.ChinaUtc(2026, 11, 23, 10);

        Assert.Equal("剩余约20.9个工作日", DeadlineView.Remaining(now, Scenario.ChinaUtc(2026, 12, 21, 17), "20个工作日", Clock));
        Assert.Equal("约1个工作日", DeadlineView.Duration(420, Clock));
        Assert.Equal("6小时40分钟", DeadlineView.Duration(400, Clock));
        Assert.Equal("剩余工作时间3小时30分钟", DeadlineView.Remaining(now, Scenario.ChinaUtc(2026, 11, 23, 14, 30), "0.5个工作日", Clock));
    }

    [Fact]
    public void A_natural_day_period_shows_natural_days_left()
    {
        // The 45-day claims period published Tue 11/24 ends Fri 2027-01-08 17:00; on Mon 12/28 there are 11 days left.
        Assert.Equal("剩余11日", DeadlineView.Remaining(Scenario.ChinaUtc(2026, 12, 28, 10), Scenario.ChinaUtc(2027, 1, 8, 17), "45日", Clock));
        Assert.Equal("今日届满", DeadlineView.Remaining(Scenario.ChinaUtc(2027, 1, 8, 10), Scenario.ChinaUtc(2027, 1, 8, 17), "45日", Clock));
    }

    [Fact]
    public async Task The_promise_table_shows_half_a_working_day_as_three_and_a_half_office_hours()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        await factory.SendAs(admin, new SwitchProfile.Command { Profile = PolicyProfiles.Yicheng.Code }); // 0.5个工作日 is 峄城区's (002:9)

        var row = (await factory.SendAs(null, new PromiseList.Query())).Rows.Single(r => r.Key == PromiseKeys.EstablishmentTotal);

        Assert.Equal("0.5个工作日（3小时30分钟）", row.Limit);
        Assert.Equal("2026年11月23日 13:30", row.DueIfNow); // Mon 09:00 + 3 h 30 min of office time, lunch excluded
    }

    [Fact]
    public async Task A_date_counted_into_a_year_without_notice_is_marked_provisional_on_the_promise_table()
    {
        await using var factory = new PortalFactory();
        factory.Time.SetChina(2026, 12, 7, 10);

        var rows = (await factory.SendAs(null, new PromiseList.Query())).Rows;

        Assert.Equal("2027年1月5日 17:00" + WorkingCalendar.ProvisionalNote, rows.Single(r => r.Key == PromiseKeys.SimpleDeregistrationNotice).DueIfNow);
        Assert.Equal("2026年12月8日 17:00", rows.Single(r => r.Key == PromiseKeys.CaseAccept).DueIfNow);
    }

    /// <summary>
    /// Mon 09:00 the case is accepted at once (即报即得) and its tracks begin; 10:00 补正 is asked, 15:00 answered; 16:00 the
    /// tax office starts and finishes: 6 office hours passed, 4 of them paused → 用时2小时.
    /// </summary>
    [Fact]
    public async Task A_sub_items_time_used_leaves_out_the_time_paused_for_a_supplement()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var window = await factory.CreateUserAsync(Roles.Window);
        var reviewers = new Reviewers(factory);
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄用时科技有限公司", "tech") with { SynchronousItems = ["seal", "tax"] })).Number;
        factory.Time.SetChina(2026, 11, 23, 10);
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "1. 住所使用证明");
        factory.Time.SetChina(2026, 11, 23, 15);
        await factory.ActNowAsync(applicant, number, CaseTrigger.SubmitSupplement);
        factory.Time.SetChina(2026, 11, 23, 16);
        var tax = await reviewers.OfAsync(Department.Tax);
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Start);
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Complete);

        var view = await factory.SendAs(applicant, new CaseView.Query { Number = number });

        Assert.Equal("用时2小时", view.Tracks.Single(t => t.Label.Contains("涉税", StringComparison.Ordinal)).Took);
    }
}
