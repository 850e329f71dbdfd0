using Portal.Domain.Calendar;
using Portal.Domain.Profiles;
using Portal.Workflow;
using static Portal.Domain.Tests.Calendar.CalendarTestData;

namespace Portal.Domain.Tests.Calendar;

/// <summary>0.5个工作日 (峄城区's 企业开办 promise, 002:9) is half the configured office day, not 4 hours (issue 15).</summary>
public class HalfWorkingDayTests
{
    private static DateTime Utc(string localIso) => DateTime.SpecifyKind(At(localIso).AddHours(-8), DateTimeKind.Utc);

    [Fact]
    public void Half_a_working_day_from_nine_is_three_and_a_half_office_hours_later()
    {
        var clock = new DeadlineClock(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

        var deadline = clock.Compute(Utc("2026-11-23T09:00"), new TimeLimit(1, TimeUnit.HalfWorkingDays));

        Assert.Equal(Utc("2026-11-23T13:30"), deadline.DueUtc);
        Assert.Equal(210, deadline.LimitMinutes);
    }

    [Fact]
    public void Half_a_working_day_follows_the_configured_office_hours()
    {
        var calendar = new WorkingCalendar(ChinaHolidays.All, [2025, 2026], OfficeHours.Parse("08:30-12:00,14:00-17:30"));

        Assert.Equal(At("2026-11-23T14:30"), new DeadlineClock(calendar, TimeZoneInfo.Utc).DueLocal(At("2026-11-23T09:00"), new TimeLimit(1, TimeUnit.HalfWorkingDays)));
        Assert.Equal(210, new DeadlineClock(calendar, TimeZoneInfo.Utc).HalfDayMinutes(1));
        Assert.Equal(420, new DeadlineClock(calendar, TimeZoneInfo.Utc).OfficeDayMinutes);
    }

    [Fact]
    public void The_Yicheng_establishment_promise_is_half_a_working_day()
    {
        var promise = PolicyProfiles.Yicheng.Find(PromiseKeys.EstablishmentTotal)!;
        var clock = new DeadlineClock(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

        Assert.Equal("0.5个工作日", promise.Limit.ToString());
        Assert.Equal(210, clock.Compute(Utc("2026-11-23T09:00"), promise.Limit).LimitMinutes);
    }
}
