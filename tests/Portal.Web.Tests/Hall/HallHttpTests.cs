using System.Net;
using System.Text.Json;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>The hall pages over real HTTP: the kiosk and ticket page without an account, the board's JSON, the window console for clerks only.</summary>
public sealed class HallHttpTests
{
    [Fact]
    public async Task Kiosk_form_gives_a_number_whose_page_opens_anonymously()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        using var session = new HttpSession(factory);

        var kiosk = await session.GetAsync("/Hall");
        Assert.Equal(HttpStatusCode.OK, kiosk.Status);
        Assert.Contains("大厅取号", kiosk.Text);

        var answer = await session.SubmitAsync(kiosk, null, ("Data.Category", "deregistration"), ("Data.Reason", "Elderly"));
        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith("/Hall/Ticket/", answer.RedirectPath);

        var ticket = await session.GetAsync(answer.RedirectPath!);
        Assert.Equal(HttpStatusCode.OK, ticket.Status);
        Assert.Equal("B001", ticket.TestId("ticket-number"));
        Assert.Equal("0", ticket.TestId("ahead"));
        Assert.Contains("优先（老年人，待确认）", ticket.Text);
    }

    [Fact]
    public async Task Board_api_answers_anonymously_with_the_call_as_json()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();
        await factory.TakeAsync();
        Assert.Equal("A001", await factory.CallNextAsync(a01));
        using var session = new HttpSession(factory);

        var answer = await session.GetAsync("/api/hall/board");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        using var json = JsonDocument.Parse(answer.Body);
        var calls = json.RootElement.GetProperty("calls");
        Assert.Equal(1, calls.GetArrayLength());
        Assert.Equal("A001", calls[0].GetProperty("number").GetString());
        Assert.Equal("A01", calls[0].GetProperty("window").GetString());
        Assert.Equal("09:00:00", calls[0].GetProperty("at").GetString());
        Assert.Equal(0, calls[0].GetProperty("recall").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("waiting").GetInt32());

        var page = await session.GetAsync("/Hall/Board");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("A001", page.Text);
        Assert.Contains("A01", page.Text);
    }

    [Fact]
    public async Task Window_console_is_refused_to_an_applicant_and_opens_for_a_window_clerk()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var a01 = await factory.CreateWindowAsync("A01");
        await factory.TakeAsync();

        using (var applicantSession = await new HttpSession(factory).SignedInAsync(applicant))
        {
            var first = await applicantSession.GetAsync("/Hall/Window");
            if (first.IsRedirect)
            {
                Assert.StartsWith("/Account/AccessDenied", first.RedirectPath);
            }

            var refused = await applicantSession.GetFollowingAsync("/Hall/Window", maxRedirects: 1);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Contains("无权访问", refused.Text);
        }

        using (var anonymous = new HttpSession(factory))
        {
            var answer = await anonymous.GetAsync("/Hall/Window");
            Assert.True(answer.IsRedirect, answer.ToString());
            Assert.StartsWith("/Account/Login", answer.RedirectPath);
        }

        using var clerk = await new HttpSession(factory).SignedInAsync(a01);
        var console = await clerk.GetAsync("/Hall/Window");
        Assert.Equal(HttpStatusCode.OK, console.Status);
        Assert.Contains("A01", console.Text);
        Assert.Contains("A001", console.Text);

        var called = await clerk.SubmitAsync(console, null, ("Data.Do", "CallNext"));
        Assert.True(called.IsRedirect, called.ToString());
        var after = await clerk.GetAsync("/Hall/Window");
        Assert.Contains("已叫号 A001", after.Text);
    }
}
