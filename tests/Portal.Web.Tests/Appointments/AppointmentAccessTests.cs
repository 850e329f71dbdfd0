using System.Net;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Appointments;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Appointments.AppointmentWorld;

namespace Portal.Web.Tests.Appointments;

/// <summary>
/// Who may do what with appointments, through MediatR and over HTTP: booking needs an account, a booking is its
/// holder's alone (anyone else gets 404 and changes nothing), and the day list is for window staff and supervisors.
/// </summary>
public sealed class AppointmentAccessTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Anonymous_visitor_cannot_book_or_list_appointments(Provider provider)
    {
        await using var factory = NewFactory(provider);

        await Assert.ThrowsAsync<NotSignedInException>(() => factory.BookAsync(null, Tuesday, Ten));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new MyAppointments.Query()));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new BookingForm.Query { Category = EstablishmentCategory }));
        await Assert.ThrowsAsync<NotSignedInException>(() => factory.SendAs(null, new CancelAppointment.Command { Code = "ABCD2345" }));
        Assert.Empty(await factory.AppointmentsAsync());

        using var session = new HttpSession(factory);
        var book = await session.GetAsync("/Appointments/Book?category=establishment");
        Assert.Equal(HttpStatusCode.Redirect, book.Status);
        Assert.StartsWith("/Account/Login?ReturnUrl=", book.RedirectPath);
        var mine = await session.GetAsync("/Appointments");
        Assert.StartsWith("/Account/Login", mine.RedirectPath);
        var post = await session.PostAsync("/Appointments/Book", ("Data.Category", EstablishmentCategory), ("Data.Date", "2026-11-24"), ("Data.SlotKey", "600"));
        Assert.True(post.IsRedirect || post.Status == HttpStatusCode.BadRequest, post.ToString());
        Assert.Empty(await factory.AppointmentsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Another_person_cannot_see_change_or_cancel_my_booking(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var zhang = await factory.ApplicantAsync("张三");
        var li = await factory.ApplicantAsync("李四");
        var code = await factory.BookAsync(zhang, Tuesday, Ten);
        var before = await factory.AppointmentAsync(code);

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(li, new AppointmentDetails.Query { Code = code }));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.CancelAsync(li, code));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.ChangeAsync(li, code, Tuesday, 14 * 60));
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(li, new BookingForm.Query { Change = code }));
        Assert.Empty(await factory.SendAs(li, new MyAppointments.Query()));

        using (var session = await new HttpSession(factory).SignedInAsync(li))
        {
            var page = await session.GetAsync($"/Appointments/{code}");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain("张三", page.Text);

            var list = await session.GetAsync("/Appointments");
            var cancel = await session.PostAsync("/Appointments?handler=Cancel", (HttpSession.TokenField, TokenOf(list)), ("Data.Code", code));
            Assert.Equal(HttpStatusCode.NotFound, cancel.Status);
        }

        var after = await factory.AppointmentAsync(code);
        Assert.Equal(AppointmentState.Booked, after.State);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(1, after.Seat);

        using var own = await new HttpSession(factory).SignedInAsync(zhang);
        var mine = await own.GetAsync($"/Appointments/{code}");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal(AppointmentCodes.Display(code), mine.TestId("appointment-code"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_staff_and_supervisors_see_the_day_list_and_applicants_do_not(Provider provider)
    {
        await using var factory = NewFactory(provider);
        var people = await factory.ApplicantsAsync(4);
        var clerk = await factory.CreateUserAsync(Roles.Window, "窗口人员");
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "督查人员");
        foreach (var p in people.Take(3))
        {
            await factory.BookAsync(p, Tuesday, Ten);
        }

        var cancelled = await factory.BookAsync(people[0], Tuesday, NineOClock, GeneralCategory);
        await factory.CancelAsync(people[0], cancelled);
        await factory.BookAsync(people[3], Tuesday, 17 * 60);

        var day = await factory.SendAs(clerk, new DayAppointments.Query { Date = Tuesday });
        var establishment = day.Groups.Single(g => g.Code == EstablishmentCategory);
        Assert.Equal(4, establishment.Booked);
        Assert.Equal(19 * 3, establishment.Capacity);
        var ten = establishment.Slots.Single(s => s.Label == "10:00-10:30");
        Assert.Equal(3, ten.Booked);
        Assert.Equal(3, ten.Capacity);
        Assert.Equal(people.Take(3).Select(p => p.Name), ten.People.Select(p => p.Name));
        Assert.All(ten.People, p => Assert.Equal("已预约", p.State));
        var evening = establishment.Slots.Single(s => s.Label == "17:00-17:30（延时）");
        Assert.True(evening.Extended);
        Assert.Equal(1, evening.Booked);
        var general = day.Groups.Single(g => g.Code == GeneralCategory);
        Assert.Equal(0, general.Booked);
        Assert.Equal(14 * 2, general.Capacity);
        Assert.Empty(general.Slots.Single(s => s.Label == "09:00-09:30").People);

        var today = await factory.SendAs(supervisor, new DayAppointments.Query());
        Assert.True(today.IsToday);
        Assert.Equal(new DateOnly(2026, 11, 23), today.Date);
        Assert.All(today.Groups, g => Assert.Equal(0, g.Booked));

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(people[0], new DayAppointments.Query()));

        using (var clerkSession = await new HttpSession(factory).SignedInAsync(clerk))
        {
            var page = await clerkSession.GetAsync("/Appointments/Today?date=2026-11-24");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("已约 4 / 57", page.TestId("total-establishment"));
            Assert.Equal("3 / 3", page.TestId("slot-establishment-10:00-10:30"));
            Assert.Contains(people[2].Name, page.Text);
        }

        using var applicantSession = await new HttpSession(factory).SignedInAsync(people[0]);
        var refused = await applicantSession.GetFollowingAsync("/Appointments/Today", maxRedirects: 1);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.DoesNotContain(people[1].Name, refused.Text);
    }

    private static string TokenOf(HttpPage page) =>
        page.Forms.SelectMany(f => f.Hidden).First(h => h.Name == HttpSession.TokenField).Value;
}
