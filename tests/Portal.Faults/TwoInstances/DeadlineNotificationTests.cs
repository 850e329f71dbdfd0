using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Faults.Support;
using Xunit.Abstractions;

namespace Portal.Faults.TwoInstances;

/// <summary>
/// Two portal instances on one PostgreSQL database, both sweeping deadlines and sending notifications every second,
/// both clocks moved past the 75% warning and then past the deadline of the same cases: every yellow and red message is
/// stored once and sent once (counted in the log sender's lines of both processes).
/// </summary>
public sealed partial class DeadlineNotificationTests(ITestOutputHelper output)
{
    private const int Cases = 10;

    private const string Marker = "超时";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Two_instances_sweeping_the_same_due_cases_store_and_send_every_warning_and_overdue_message_once()
    {
        await using var portals = await TwoPortals.StartAsync(output, new Dictionary<string, string>
        {
            ["Portal__TestClock"] = "true",
            ["DeadlineSweep__Enabled"] = "true",
            ["DeadlineSweep__Interval"] = "00:00:01",
            ["Notifications__Enabled"] = "true",
            ["Notifications__Interval"] = "00:00:01",
        });
        var sessions = new List<WebSession>();
        try
        {
            await portals.MoveToNextWorkingDayAsync(10);
            var applicants = new[]
            {
                await Establishment.ApplicantAsync(portals.A.Url, "13800000001"),
                await Establishment.ApplicantAsync(portals.B.Url, "13800000002"),
            };
            sessions.AddRange(applicants.Select(a => a.Session));
            var owners = new Dictionary<string, string>();
            foreach (var index in Enumerable.Range(1, 100).Where(i => i % 4 != 0).Take(Cases))
            {
                var submitted = await Establishment.SubmitAsync(applicants[index % 2], Marker, index);
                Assert.True(submitted.Confirmed, $"submission {index} answered {submitted.Status}: {submitted.Error}");
                owners[submitted.Number!] = await portals.UserIdAsync(applicants[index % 2].UserName);
            }

            var numbers = owners.Keys.ToList();
            var staff = await portals.Database.ReadAsync(db => (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.Window
                select ur.UserId).ToListAsync());
            Assert.NotEmpty(staff);
            var cases = await OurCasesAsync(portals, numbers);
            Assert.All(cases, c => Assert.True(c.StepWarnAt is not null && c.StepDueAt is not null, $"{c.Number} has no stored warning or deadline"));
            var warnAt = cases.Max(c => c.StepWarnAt!.Value).AddMinutes(1);
            var dueAt = cases.Min(c => c.StepDueAt!.Value);
            Assert.True(warnAt < dueAt, $"the cases' warning times ({warnAt:o}) and deadlines ({dueAt:o}) overlap");

            // Yellow: both clocks past 75% of the limit; both instances sweep (at once when the clocks move, then every second).
            await portals.AdvanceAsync(new DateTimeOffset(warnAt, TimeSpan.Zero) - portals.Now);
            await EventuallyAsync("every case warned and every warning sent", async () =>
            {
                var now = await OurCasesAsync(portals, numbers);
                var warnings = await NotificationsAsync(portals, numbers);
                return now.All(c => c.WarnedStepAt == c.StepStartedAt)
                    && warnings.Count(n => n.Kind == NotificationKind.StepWarning) >= numbers.Count
                    && await NothingPendingAsync(portals);
            });

            // Red: both clocks past every deadline.
            await portals.AdvanceAsync(new DateTimeOffset(cases.Max(c => c.StepDueAt!.Value).AddMinutes(1), TimeSpan.Zero) - portals.Now);
            await EventuallyAsync("every case overdue and every message sent", async () =>
            {
                var now = await OurCasesAsync(portals, numbers);
                var messages = await NotificationsAsync(portals, numbers);
                return now.All(c => c.IsOverdue)
                    && messages.Count(n => n.Kind == NotificationKind.StepOverdue) >= numbers.Count
                    && messages.Count(n => n.Kind == NotificationKind.Late) >= numbers.Count
                    && await NothingPendingAsync(portals);
            });

            // More rounds of both sweeps and both dispatchers, and time for the console loggers to write everything out.
            var all = await portals.Database.ReadAsync(db => db.Notifications.AsNoTracking().ToListAsync());
            await EventuallyAsync("every sent message in a log", () => Task.FromResult(all.All(n => SentLines(portals).ContainsKey(n.Id))));
            await Task.Delay(TimeSpan.FromSeconds(3));

            // Each case: one red mark in its history.
            foreach (var c in await OurCasesAsync(portals, numbers))
            {
                Assert.Single(c.History, e => e.Action == Case.OverdueAction);
                Assert.Equal(c.StepStartedAt, c.WarnedStepAt);
            }

            // Exactly the expected messages about our cases, each stored once: the window clerks' yellow and red go to
            // their role's inbox (one message each, however many clerks), the applicant hears that the case is late.
            var expected = numbers.SelectMany(n => new[] { $"{n}|{Roles.Window}|{NotificationKind.StepWarning}", $"{n}|{Roles.Window}|{NotificationKind.StepOverdue}" }
                    .Append($"{n}|{owners[n]}|{NotificationKind.Late}"))
                .Order(StringComparer.Ordinal)
                .ToList();
            var ours = await NotificationsAsync(portals, numbers);
            Assert.Equal(expected, ours.Select(n => $"{n.CaseNumber}|{n.RecipientRole ?? n.RecipientId}|{n.Kind}").Order(StringComparer.Ordinal));

            // Every message in the database (the demo data's too) sent exactly once: one attempt, one log line in one of the two processes.
            all = await portals.Database.ReadAsync(db => db.Notifications.AsNoTracking().ToListAsync());
            var lines = SentLines(portals);
            Assert.All(all, n =>
            {
                Assert.Equal(DeliveryState.Sent, n.Delivery);
                Assert.Equal(1, n.Attempts);
                Assert.True(lines.GetValueOrDefault(n.Id) is { Total: 1 }, $"notification #{n.Id} ({n.Kind} {n.CaseNumber}) was sent {lines.GetValueOrDefault(n.Id)?.Total ?? 0} times: {lines.GetValueOrDefault(n.Id)}");
            });
            Assert.Empty(lines.Keys.Except(all.Select(n => n.Id)));
            output.WriteLine($"{all.Count} notifications ({ours.Count} about the {numbers.Count} cases): sent by A {lines.Values.Sum(l => l.A)}, by B {lines.Values.Sum(l => l.B)}");
        }
        catch
        {
            portals.DumpLogs();
            throw;
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    private sealed record Sent(int A, int B)
    {
        public int Total => A + B;
    }

    /// <summary>The log sender's lines ("通知 #id → …") per notification id, per process.</summary>
    private static Dictionary<long, Sent> SentLines(TwoPortals portals)
    {
        static IEnumerable<long> Ids(PortalProcess p) => p.Lines.Select(l => SentLine().Match(l)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var a = Ids(portals.A).ToList();
        var b = Ids(portals.B).ToList();
        return a.Concat(b).Distinct().ToDictionary(id => id, id => new Sent(a.Count(x => x == id), b.Count(x => x == id)));
    }

    private static Task<List<Case>> OurCasesAsync(TwoPortals portals, List<string> numbers) =>
        portals.Database.ReadAsync(db => db.Cases.AsNoTracking().Include(c => c.History).Where(c => numbers.Contains(c.Number)).ToListAsync());

    private static Task<List<Notification>> NotificationsAsync(TwoPortals portals, List<string> numbers) =>
        portals.Database.ReadAsync(db => db.Notifications.AsNoTracking().Where(n => n.CaseNumber != null && numbers.Contains(n.CaseNumber)).ToListAsync());

    private static Task<bool> NothingPendingAsync(TwoPortals portals) =>
        portals.Database.ReadAsync(async db => !await db.Notifications.AnyAsync(n => n.Delivery == DeliveryState.Pending));

    private static async Task EventuallyAsync(string what, Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not within {Patience.TotalSeconds:0} s: {what}");
            await Task.Delay(250);
        }
    }

    [GeneratedRegex("通知 #([0-9]+) →")]
    private static partial Regex SentLine();
}
