using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Calendar;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Admin;

/// <summary>The administrator maintains holidays and years; the public calendar answers change at once.</summary>
public sealed class CalendarAdminTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Saved_holiday_takes_effect_at_once_and_deleting_it_restores_the_working_day(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var acrossIt = new CalendarApi.Due.Query { From = "2026-11-30T10:00", WorkingDays = 1 };

        // Loaded (and cached) before the edit.
        var workday = await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2026-12-01" });
        Assert.True(workday.Working);
        Assert.Equal("workday", workday.Kind);
        Assert.Equal("2026-12-01T17:00:00", (await factory.SendAs(null, acrossIt)).Due);

        await factory.SendAs(admin, new SaveDay.Command { Date = Tuesday, Kind = DayKind.Holiday, Name = "  测试假日  " });

        var holiday = await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2026-12-01" });
        Assert.False(holiday.Working);
        Assert.Equal("holiday", holiday.Kind);
        Assert.Equal("法定节假日", holiday.KindLabel);
        Assert.Equal("测试假日", holiday.Name);
        Assert.Equal("2026-12-02T17:00:00", (await factory.SendAs(null, acrossIt)).Due);

        await factory.SendAs(admin, new DeleteDay.Command { Date = Tuesday });

        var restored = await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2026-12-01" });
        Assert.True(restored.Working);
        Assert.Null(restored.Name);
        Assert.Equal("2026-12-01T17:00:00", (await factory.SendAs(null, acrossIt)).Due);
        Assert.False(await factory.WithDb(db => db.CalendarDays.AnyAsync(d => d.Date == Tuesday)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Saving_the_same_date_again_replaces_the_entry(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var saturday = new DateOnly(2026, 12, 5);

        await factory.SendAs(admin, new SaveDay.Command { Date = saturday, Kind = DayKind.Holiday, Name = "测试假日" });
        await factory.SendAs(admin, new SaveDay.Command { Date = saturday, Kind = DayKind.MakeupWorkday, Name = "测试调休上班" });

        var day = await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2026-12-05" });
        Assert.True(day.Working);
        Assert.Equal("makeupworkday", day.Kind);
        Assert.Equal("测试调休上班", day.Name);
        Assert.Equal(1, await factory.WithDb(db => db.CalendarDays.CountAsync(d => d.Date == saturday)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Marking_2027_as_entered_removes_the_missing_year_warning(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var intoNextYear = new CalendarApi.Due.Query { From = "2026-12-30T10:00", WorkingDays = 5 };

        var warned = await factory.SendAs(null, intoNextYear);
        Assert.Equal([2027], warned.YearsWithoutData);
        Assert.NotNull(warned.Warning);
        Assert.Contains("2027年", warned.Warning);
        Assert.NotNull((await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2027-01-04" })).Warning);

        await factory.SendAs(admin, new MarkYear.Command { Year = 2027, Source = "国务院办公厅关于2027年部分节假日安排的通知" });

        var clear = await factory.SendAs(null, intoNextYear);
        Assert.Empty(clear.YearsWithoutData);
        Assert.Null(clear.Warning);
        var day = await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2027-01-04" });
        Assert.True(day.YearHasData);
        Assert.Null(day.Warning);
    }

    /// <summary>
    /// TransactionBehavior commits only after the handler returned, but SaveDay's handler empties the calendar cache
    /// before that. A visitor reading the calendar in between reloads it from the database without the uncommitted
    /// holiday and caches that. Here the request's transaction is held open by the test (TransactionBehavior then
    /// joins it), so the visitor reads in exactly that window.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Calendar_read_while_a_holiday_is_being_committed_does_not_keep_the_old_calendar(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var day = new CalendarApi.Day.Query { Date = "2026-12-01" };

        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAs(admin.Id, admin.Name, admin.Roles);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new SaveDay.Command { Date = Tuesday, Kind = DayKind.Holiday, Name = "测试假日" });

            var during = await factory.SendAs(null, day);
            Assert.True(during.Working); // not committed yet
            await transaction.CommitAsync();
        }

        Assert.True(await factory.WithDb(db => db.CalendarDays.AnyAsync(d => d.Date == Tuesday && d.Kind == DayKind.Holiday)));
        var after = await factory.SendAs(null, day);
        Assert.False(after.Working, "the holiday is committed, but the calendar cached during the save still says 2026-12-01 is a working day");
    }

    /// <summary>
    /// Several portal instances may share one database (the deadline sweep is built for it). A holiday the
    /// administrator saves through one instance must reach the deadlines the other instance computes, at the latest
    /// shortly afterwards (here: once a minute has passed).
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Holiday_saved_through_one_instance_reaches_another_instance_on_the_same_database(Provider provider)
    {
        await using var first = new PortalFactory(provider);
        var admin = await first.CreateUserAsync(Roles.Admin);
        await using var second = new PortalFactory(provider, first.ConnectionString);
        var day = new CalendarApi.Day.Query { Date = "2026-12-01" };
        Assert.True((await second.SendAs(null, day)).Working);

        await first.SendAs(admin, new SaveDay.Command { Date = Tuesday, Kind = DayKind.Holiday, Name = "测试假日" });
        Assert.False((await first.SendAs(null, day)).Working);
        first.Time.Advance(TimeSpan.FromMinutes(1));
        second.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.False((await second.SendAs(null, day)).Working, "the second instance still uses the calendar it cached before the holiday was saved");
    }

    [Fact]
    public async Task Make_up_working_day_on_a_weekday_is_refused_in_Chinese()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var wednesday = new DateOnly(2026, 12, 2);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(admin, new SaveDay.Command { Date = wednesday, Kind = DayKind.MakeupWorkday, Name = "调休上班" }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(SaveDay.Command.Date), error.Field);
        Assert.Equal("调休上班日应为周六或周日。", error.Message);
        Assert.False(await factory.WithDb(db => db.CalendarDays.AnyAsync(d => d.Date == wednesday)));
        Assert.Equal("workday", (await factory.SendAs(null, new CalendarApi.Day.Query { Date = "2026-12-02" })).Kind);
    }

    [Fact]
    public async Task Deleting_a_date_without_an_entry_is_not_found()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin);

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(admin, new DeleteDay.Command { Date = Tuesday }));

        Assert.Equal("该日期没有特别安排。", refused.Message);
    }
}
