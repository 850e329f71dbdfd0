using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Data;

/// <summary>
/// The calendar's revision stamp is read once per context (one request sees one revision; issue 18 measured four reads
/// per case page, each through a context of its own), an edit through a context is seen by it at once, and a case page
/// reads each stamp and its case once.
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
    public async Task A_case_page_reads_each_stamp_and_its_case_once()
    {
        await using var factory = new LoggedPortal();
        factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var number = await factory.SubmitCaseAsync(applicant);
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        await session.GetAsync($"/Cases/{number}");
        var before = factory.Log.Count;

        var page = await session.GetAsync($"/Cases/{number}");

        Assert.Contains(number, page.Text);
        var commands = factory.Log.Skip(before).Where(l => l.Contains("Executed DbCommand", StringComparison.Ordinal)).ToList();
        // The calendar and the promise table: one stamp read each (four calendar reads, each through a context of its own, before).
        Assert.Equal(2, commands.Count(c => c.Contains("FROM \"Settings\"", StringComparison.Ordinal)));
        // The case itself, read once for every panel: one split read of the case, its history and its tracks (the panels
        // each read it again before: five).
        Assert.Equal(3, commands.Count(c => c.Contains("WHERE \"c\".\"Number\" = ", StringComparison.Ordinal)));
    }
}
