using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Ratings;

/// <summary>
/// BUG: the demo had one supervisor, so the 申诉 rule "a supervisor other than the rated staff member and the filer
/// decides" could not be walked with two supervisors in the demo. It now has two.
/// </summary>
public sealed class DemoSupervisorsTests
{
    [Fact]
    public async Task The_demo_has_two_supervisors_and_the_second_decides_the_rated_clerks_appeal()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        factory.Settings["Portal:SeedDemoData"] = "true";

        var supervisors = DemoData.Accounts.Where(a => a.Role == Roles.Supervisor).Select(a => a.UserName).ToList();
        Assert.Equal(["supervisor", "supervisor2"], supervisors);
        var ids = await factory.WithDb(db => db.Users.AsNoTracking().Where(u => supervisors.Contains(u.UserName!)).Select(u => u.Id).ToListAsync());
        Assert.Equal(2, ids.Count);
        // Both were told about the demo's 差评: one message in the supervisors' inbox, which both of them read.
        var told = await factory.WithDb(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.BadRating).Select(n => n.RecipientRole ?? n.RecipientId).ToListAsync());
        Assert.Equal([Roles.Supervisor], told);

        // The market department (the 企业开办 case's unit) appeals the demo's 差评 on 我收到的评价; the second supervisor
        // (not the one who has been working its follow-up) decides it.
        using var clerk = new HttpSession(factory);
        await clerk.SignInAsync("review-market", DemoData.Password);
        var staff = await clerk.GetAsync("/Ratings/Staff");
        var appealed = await clerk.SubmitAsync(staff, null, ("Appeal.Reason", "印章需二次到场系公安刻章要求，非窗口原因"));
        Assert.True(appealed.IsRedirect, appealed.ToString());
        var appeal = await factory.WithDb(db => db.RatingAppeals.AsNoTracking().Include(a => a.Rating).SingleAsync());
        var followUp = await factory.WithDb(db => db.RatingFollowUps.AsNoTracking().SingleAsync(f => f.RatingId == appeal.RatingId));

        using var second = new HttpSession(factory);
        await second.SignInAsync("supervisor2", DemoData.Password);
        var page = await second.GetAsync($"/Ratings/FollowUps/{followUp.Id}");
        Assert.Contains($"name=\"Decision.AppealId\" value=\"{appeal.Id}\"", page.Body);
        var decided = await second.SubmitAsync(page, "/Ratings/FollowUps/" + followUp.Id + "?handler=Decide", ("Decision.Upheld", "false"), ("Decision.Reason", "经核实，窗口未一次性告知领取要求"));
        Assert.True(decided.IsRedirect, decided.ToString());

        appeal = await factory.WithDb(db => db.RatingAppeals.AsNoTracking().Include(a => a.Rating).SingleAsync());
        Assert.Equal("钱督查", appeal.DecidedByName);
        Assert.False(appeal.Upheld);
        Assert.NotEqual(appeal.FiledById, appeal.DecidedById);
        Assert.NotEqual(appeal.Rating.StaffId, appeal.DecidedById);
    }
}
