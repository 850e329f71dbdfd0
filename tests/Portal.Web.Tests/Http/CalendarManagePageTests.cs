using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>/Calendar/Manage over HTTP: the statutory fallback of a year without its notice, and a whole year entered at once.</summary>
public sealed class CalendarManagePageTests
{
    [Fact]
    public async Task The_page_lists_the_2027_statutory_days_and_takes_the_whole_year_in_one_form()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.CreateUserAsync(Roles.Admin, "系统管理员");
        using var session = await new HttpSession(factory).SignedInAsync(admin);

        var page = await session.GetAsync("/Calendar/Manage?year=2027");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("2027年暂按的法定节假日", page.Text);
        Assert.Contains("2027-02-09", page.TestId("calendar-fallback"));
        Assert.Contains("春节补假", page.TestId("calendar-fallback"));

        var saved = await session.SubmitAsync(page, "/Calendar/Manage?handler=Arrangement",
            ("Arrangement.Year", "2027"),
            ("Arrangement.Source", "国务院办公厅关于2027年部分节假日安排的通知"),
            ("Arrangement.Days", "2027-01-01 至 2027-01-03 放假 元旦\r\n2027-02-05 至 2027-02-12 放假 春节\r\n2027-02-20 上班 春节调休上班"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var after = await session.GetAsync(saved.Location!);
        Assert.Contains("已录入2027年的节假日安排。没有办件的承诺时限受此影响。", after.Text);
        Assert.Null(after.TestId("calendar-fallback"));
        Assert.Equal(12, await factory.WithDb(db => db.CalendarDays.CountAsync(d => d.Date.Year == 2027)));
        Assert.True(await factory.WithDb(db => db.CalendarYears.AnyAsync(y => y.Year == 2027)));
    }
}
