using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Faults.Support;
using Xunit.Abstractions;

namespace Portal.Faults.TwoHosts;

/// <summary>
/// Two hosts behind a load balancer: two portal processes on one PostgreSQL database, each with a home folder of its
/// own (where ASP.NET Core would otherwise keep its data-protection keys). A person signs in on one host and the next
/// request lands on the other: the other host must accept the sign-in cookie and the anti-forgery token that the first
/// host made, because the key ring is kept in the database. A third host on the same database that keeps its keys in
/// a folder of its own (as every host did before) refuses them.
/// </summary>
public sealed class SharedKeysTests(ITestOutputHelper output)
{
    private const string Applicant = "13800000001";

    [Fact]
    public async Task A_form_from_one_host_is_accepted_by_another_with_the_same_sign_in()
    {
        await using var database = await SharedServerDatabase.CreateAsync();
        var homes = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("portal-host-").FullName).ToList();
        PortalProcess? a = null, b = null, separate = null;
        try
        {
            a = await PortalProcess.StartAsync("A", database, Host(homes[0], seedDemoData: true));
            b = await PortalProcess.StartAsync("B", database, Host(homes[1], seedDemoData: false));
            separate = await PortalProcess.StartAsync("own keys", database, new Dictionary<string, string>(Host(homes[2], seedDemoData: false))
            {
                ["Portal__DataProtection__KeysDirectory"] = Path.Combine(homes[2], "keys"),
            });

            var userId = await database.ReadAsync(db => db.Users.Where(u => u.UserName == Applicant).Select(u => u.Id).SingleAsync());
            await database.ReadAsync(async db =>
            {
                db.Notifications.Add(Notification.Create(userId, NotificationKind.Accepted, null, "测试消息", "两台主机共用密钥环。", null, DateTime.UtcNow, "test:shared-keys"));
                return await db.SaveChangesAsync();
            });

            // Signed in on A; the form (with its anti-forgery token) comes from A too.
            using var onA = new WebSession(a.Url);
            await onA.SignInAsync(Applicant);
            var inbox = await onA.GetAsync("/Messages");
            Assert.True(inbox.Status == 200, $"A's inbox answered {inbox.Status}: {inbox.Text}");
            Assert.True(await UnreadAsync(database, userId) > 0);

            // Control: the host that keeps its own keys cannot read A's cookie — the person is not signed in there —
            // and changes nothing.
            using (var onSeparate = new WebSession(separate.Url, onA.Cookies))
            {
                var refused = await onSeparate.SubmitAsync(inbox, "/Messages?handler=ReadAll", []);
                Assert.True(refused.IsRedirect && refused.Location!.Contains("/Account/Login", StringComparison.Ordinal), $"the host with its own keys answered {refused}");
                Assert.True(await UnreadAsync(database, userId) > 0);
            }

            // The same cookies and token sent to B: accepted, as if A had answered.
            using var onB = new WebSession(b.Url, onA.Cookies);
            var accepted = await onB.SubmitAsync(inbox, "/Messages?handler=ReadAll", []);
            Assert.True(accepted.IsRedirect && accepted.Location == "/Messages", $"B answered {accepted}");
            Assert.Equal(0, await UnreadAsync(database, userId));

            // And back: the message B left for the next page (its TempData cookie, protected with the same ring) is shown by A.
            var after = await onA.GetAsync("/Messages");
            Assert.Contains("条消息标为已读", after.Text, StringComparison.Ordinal);

            // The ring is in the database, not in the hosts' home folders.
            Assert.True(await database.ReadAsync(db => db.DataProtectionKeys.CountAsync()) >= 1);
            Assert.All(homes.Take(2), home => Assert.False(Directory.Exists(Path.Combine(home, ".aspnet", "DataProtection-Keys")), $"keys were written under {home}"));
        }
        catch
        {
            foreach (var p in new[] { a, b, separate }.OfType<PortalProcess>())
            {
                output.WriteLine($"--- portal {p.Name} ---\n{p.Tail(60)}");
            }

            throw;
        }
        finally
        {
            foreach (var p in new[] { a, b, separate }.OfType<PortalProcess>())
            {
                await p.DisposeAsync();
            }

            homes.ForEach(h => Directory.Delete(h, recursive: true));
        }
    }

    private static Dictionary<string, string> Host(string home, bool seedDemoData) => new()
    {
        ["HOME"] = home,
        ["Portal__SeedDemoData"] = seedDemoData ? "true" : "false",
        ["DeadlineSweep__Enabled"] = "false",
        ["Notifications__Enabled"] = "false",
    };

    private static Task<int> UnreadAsync(TestDatabase database, string userId) =>
        database.ReadAsync(db => db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null));
}
