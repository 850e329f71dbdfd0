using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Data;

/// <summary>
/// The calendar's revision stamp is read once per context (one request sees one revision; issue 18 measured four reads
/// per case page, each through a context of its own), an edit through a context is seen by it at once, and a request's
/// pages read the calendar through the request's own context.
/// </summary>
public sealed class RevisionStampTests
{
    private static async Task SetOfficeHoursAsync(PortalDbContext db, string hours)
    {
        var setting = await db.Settings.FindAsync(CalendarService.OfficeHoursSetting);
        if (setting is null)
        {
            db.Settings.Add(new PortalSetting { Key = CalendarService.OfficeHoursSetting, Value = hours });
        }
        else
        {
            setting.Value = hours;
        }

        await db.SaveChangesAsync();
        await Revisions.BumpAsync(db, Revisions.Calendar, CancellationToken.None);
    }

    private static string HoursOf(Portal.Domain.Calendar.DeadlineClock clock) =>
        string.Join(",", clock.Calendar.OfficeHours.Periods.Select(p => p.ToString()));

    [Fact]
    public async Task A_context_reads_one_revision_and_a_new_context_sees_another_hosts_edit()
    {
        await using var factory = new PortalFactory();
        var calendar = factory.Services.GetRequiredService<CalendarService>();
        using var request = factory.Services.CreateScope();
        var db = request.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("09:00-12:00,13:00-17:00", HoursOf(await calendar.GetClockAsync(db)));

        // Another host (another context) commits new office hours while the request is being served.
        await factory.WithDb(async other =>
        {
            await SetOfficeHoursAsync(other, "08:00-12:00,14:00-18:00");
            return 0;
        });

        Assert.Equal("09:00-12:00,13:00-17:00", HoursOf(await calendar.GetClockAsync(db)));
        Assert.Equal("08:00-12:00,14:00-18:00", HoursOf(await factory.WithDb(next => calendar.GetClockAsync(next))));
        Assert.Equal("08:00-12:00,14:00-18:00", HoursOf(await calendar.GetClockAsync()));
    }

    [Fact]
    public async Task An_edit_through_a_context_is_seen_by_it_at_once()
    {
        await using var factory = new PortalFactory();
        var calendar = factory.Services.GetRequiredService<CalendarService>();
        using var request = factory.Services.CreateScope();
        var db = request.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal("09:00-12:00,13:00-17:00", HoursOf(await calendar.GetClockAsync(db)));

        await SetOfficeHoursAsync(db, "08:30-12:00,13:30-17:30");

        Assert.Equal("08:30-12:00,13:30-17:30", HoursOf(await calendar.GetClockAsync(db)));
    }

    [Fact]
    public async Task Outside_a_request_there_is_no_request_context_and_pages_show_the_committed_hours()
    {
        await using var factory = new PortalFactory();
        Assert.Null(RequestContext.Current);
        await factory.WithDb(async db =>
        {
            await SetOfficeHoursAsync(db, "08:00-12:00,14:00-18:00");
            return 0;
        });

        using var session = new HttpSession(factory);
        var page = await session.GetAsync("/Help");
        Assert.Contains("工作时间：法定工作日 08:00-12:00、14:00-18:00", page.Text);
        Assert.Null(RequestContext.Current);
    }
}
