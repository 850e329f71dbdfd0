using System.Net;
using Portal.Domain.Hall;
using Portal.Web.Features.Appointments;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Appointments.AppointmentWorld;

namespace Portal.Web.Tests.Appointments;

/// <summary>The appointment pages over real HTTP with antiforgery: choose, book, see the code, change, cancel, and check in at the kiosk without an account.</summary>
public sealed class AppointmentHttpTests
{
    [Fact]
    public async Task Booking_page_walks_from_category_to_day_to_slot_and_shows_the_code_and_check_in_window()
    {
        await using var factory = NewFactory(Provider.Sqlite);
        factory.Time.SetChina(2026, 9, 28, 10);
        var others = await factory.ApplicantsAsync(3);
        var zhang = await factory.ApplicantAsync("张三");
        var tuesday = new DateOnly(2026, 9, 29);
        foreach (var other in others)
        {
            await factory.BookAsync(other, tuesday, Ten);
        }

        using var session = await new HttpSession(factory).SignedInAsync(zhang);
        var start = await session.GetAsync("/Appointments/Book");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Contains("href=\"/Appointments/Book?category=establishment#step-day\"", start.Body);

        var days = await session.GetAsync("/Appointments/Book?category=establishment");
        Assert.Contains("<span class=\"appt-day closed\" data-date=\"2026-10-01\"><strong>10月1日（周四）</strong><span class=\"small\">国庆节 · 不办理业务</span>", days.Text);
        Assert.Contains("data-date=\"2026-10-10\"", days.Body);
        Assert.Contains("国庆节调休上班", days.Text);

        var slots = await session.GetAsync("/Appointments/Book?category=establishment&date=2026-09-29");
        Assert.Equal(HttpStatusCode.OK, slots.Status);
        Assert.Contains("<span class=\"appt-slot full\" data-slot=\"600\"><strong>10:00-10:30</strong><span class=\"small\">约满</span>", slots.Text);
        Assert.Contains("<button type=\"submit\" name=\"Data.SlotKey\" value=\"630\"", slots.Body);
        Assert.Contains("<button type=\"submit\" name=\"Data.SlotKey\" value=\"1020\" class=\"appt-slot extended\" data-slot=\"1020\">", slots.Body);
        Assert.Contains("<strong>17:00-17:30</strong><span class=\"small\">延时服务 · 余 3 / 3</span>", slots.Text);

        // A full slot posted anyway (a stale page) is refused on the page itself.
        var full = await session.SubmitAsync(slots, null, ("Data.SlotKey", "600"));
        Assert.Equal(HttpStatusCode.OK, full.Status);
        Assert.Contains("该时段已约满，请选择其他时段", full.Text);

        var booked = await session.SubmitAsync(slots, null, ("Data.SlotKey", "630"));
        Assert.Equal(HttpStatusCode.Redirect, booked.Status);
        Assert.StartsWith("/Appointments/", booked.RedirectPath);
        var code = booked.RedirectPath!["/Appointments/".Length..];
        var stored = await factory.AppointmentAsync(code);
        Assert.Equal(zhang.Id, stored.UserId);
        Assert.Equal(630, stored.SlotKey);

        var details = await session.GetAsync(booked.RedirectPath);
        Assert.Equal(AppointmentCodes.Display(code), details.TestId("appointment-code"));
        Assert.Equal("9月29日 10:00 至 10:45", details.TestId("checkin-window"));
        Assert.Contains($"预约成功，预约码 {AppointmentCodes.Display(code)}。", details.Text);
        Assert.Contains("开始前 30 分钟至开始后 15 分钟", details.Text);

        // 改约 from the list: the change page keeps the category and offers the days.
        var change = await session.GetAsync($"/Appointments/Book?change={code}&category=establishment&date=2026-09-30");
        Assert.Contains("原预约", change.Text);
        var changed = await session.SubmitAsync(change, null, ("Data.SlotKey", "540"));
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var newCode = changed.RedirectPath!["/Appointments/".Length..];
        Assert.Equal(AppointmentState.Cancelled, (await factory.AppointmentAsync(code)).State);
        Assert.Equal(new DateOnly(2026, 9, 30), (await factory.AppointmentAsync(newCode)).LocalDate);

        // 取消 from the list.
        var list = await session.GetAsync("/Appointments");
        Assert.Contains(AppointmentCodes.Display(newCode), list.Text);
        var cancelled = await session.SubmitAsync(list, "/Appointments?handler=Cancel", ("Data.Code", newCode));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        Assert.Equal(AppointmentState.Cancelled, (await factory.AppointmentAsync(newCode)).State);
        var after = await session.GetAsync("/Appointments");
        Assert.Contains("已取消，该时段的名额已释放", after.Text);
    }

    [Fact]
    public async Task Kiosk_check_in_without_an_account_leads_to_the_ticket_page()
    {
        await using var factory = NewFactory(Provider.Sqlite);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);
        using var kiosk = new HttpSession(factory);

        factory.Time.SetChina(2026, 11, 24, 9, 0);
        var page = await kiosk.GetAsync("/Appointments/CheckIn");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var early = await kiosk.SubmitAsync(page, null, ("Data.Code", code));
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Contains("请在预约时段开始前 30 分钟内签到。", early.Text);
        var unknown = await kiosk.SubmitAsync(page, null, ("Data.Code", "ZZZZ-ZZZZ"));
        Assert.Contains(CheckInAppointment.Unknown, unknown.Text);
        Assert.Equal("ZZZZ-ZZZZ", unknown.InputValue("Data.Code"));

        factory.Time.SetChina(2026, 11, 24, 9, 50);
        var done = await kiosk.SubmitAsync(page, null, ("Data.Code", AppointmentCodes.Display(code)));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.StartsWith("/Hall/Ticket/", done.RedirectPath);
        var ticket = await kiosk.GetAsync(done.RedirectPath!);
        Assert.Equal("A001", ticket.TestId("ticket-number"));
        Assert.Contains("预约", ticket.Text);

        // The holder's page then links the ticket instead of offering check-in.
        using var own = await new HttpSession(factory).SignedInAsync(zhang);
        var details = await own.GetAsync($"/Appointments/{code}");
        Assert.Contains("已签到取号", details.TestId("appointment-state"));
        Assert.Contains($"href=\"{done.RedirectPath}\"", details.Body);
        Assert.DoesNotContain($"data-testid=\"checkin-{code}\"", details.Body);
    }

    [Fact]
    public async Task Holder_checks_in_from_their_own_page_within_the_window()
    {
        await using var factory = NewFactory(Provider.Sqlite);
        var zhang = await factory.ApplicantAsync();
        var code = await factory.BookAsync(zhang, Tuesday, Ten);
        factory.Time.SetChina(2026, 11, 24, 9, 40);
        using var session = await new HttpSession(factory).SignedInAsync(zhang);

        var details = await session.GetAsync($"/Appointments/{code}");
        Assert.Contains($"data-testid=\"checkin-{code}\"", details.Body);
        var done = await session.SubmitAsync(details, "/Appointments/CheckIn", ("Data.Code", code));

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.StartsWith("/Hall/Ticket/", done.RedirectPath);
        Assert.Equal(AppointmentState.CheckedIn, (await factory.AppointmentAsync(code)).State);
    }
}
