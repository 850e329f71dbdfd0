using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Features.Messages;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>
/// Two portal instances on one database (a SQLite file or a PostgreSQL database), sweeping and dispatching at the same
/// time: every yellow and red mark and every notification exists once, and every notification is sent once.
/// </summary>
public sealed class TwoInstanceNotificationTests
{
    private const int LateCases = 8;
    private const int YellowCases = 8;

    public static TheoryData<Provider, int> Instances => new()
    {
        { Provider.Sqlite, 0 },
        { Provider.Sqlite, 1 },
        { Provider.PostgreSql, 0 },
        { Provider.PostgreSql, 1 },
    };

    /// <param name="skewSeconds">How far the second instance's clock is ahead of the first one's (0: both read the same instant).</param>
    [Theory]
    [MemberData(nameof(Instances))]
    public async Task Two_instances_sweeping_and_dispatching_at_once_create_and_send_each_notification_exactly_once(Provider provider, int skewSeconds)
    {
        var recorder = new RecordingSender();
        await using var first = new NotifyingPortal(provider, recorder);
        var applicants = new[] { await first.CreateUserAsync(Roles.Applicant, "张明"), await first.CreateUserAsync(Roles.Applicant, "李华") };
        var window1 = await first.CreateUserAsync(Roles.Window, "窗口甲");
        var window2 = await first.CreateUserAsync(Roles.Window, "窗口乙");
        await first.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员"); // holds no step here: hears nothing

        // Submitted Monday 09:00: acceptance due Tuesday 17:00 (late by Wednesday 14:00).
        var late = new List<(string Number, TestUser Applicant)>();
        for (var i = 0; i < LateCases; i++)
        {
            var applicant = applicants[i % 2];
            late.Add((await first.SubmitCaseAsync(applicant, $"逾期办件{i}"), applicant));
        }

        // Submitted Tuesday 10:00: due Wednesday 17:00, yellow from Wednesday 13:45 (585 of 780 office minutes).
        first.Time.SetChina(2026, 11, 24, 10);
        var yellow = new List<string>();
        for (var i = 0; i < YellowCases; i++)
        {
            yellow.Add(await first.SubmitCaseAsync(applicants[i % 2], $"预警办件{i}"));
        }

        Assert.Equal(Scenario.ChinaUtc(2026, 11, 25, 13, 45), (await first.LoadCaseAsync(yellow[0])).StepWarnAt);
        Assert.Empty(await first.NotificationsAsync());

        await using var second = new NotifyingPortal(provider, recorder, first.ConnectionString);
        _ = second.Services;
        first.Time.SetChina(2026, 11, 25, 14);
        second.Time.Set(first.Time.GetUtcNow().AddSeconds(skewSeconds));
        var instances = new PortalFactory[] { first, second };

        // Several rounds of both sweeps at the same moment: no sweep may fail.
        var overdueMarks = 0;
        for (var round = 0; round < 3; round++)
        {
            overdueMarks += (await NotificationWorld.AllAtOnceAsync(instances, f => f.SweepAsync())).Sum();
        }

        Assert.Equal(LateCases, overdueMarks);
        foreach (var (number, _) in late)
        {
            var c = await first.LoadCaseAsync(number);
            Assert.True(c.IsOverdue);
            Assert.Single(c.History, e => e.Action == Case.OverdueAction);
        }

        foreach (var number in yellow)
        {
            var c = await first.LoadCaseAsync(number);
            Assert.Equal(c.StepStartedAt, c.WarnedStepAt);
            Assert.False(c.IsOverdue);
        }

        // Exactly the expected notifications, each once (by case, recipient and kind, and by dedupe key).
        var expected = new List<(string Case, string Recipient, NotificationKind Kind)>();
        foreach (var (number, applicant) in late)
        {
            expected.Add((number, applicant.Id, NotificationKind.Late));
            expected.Add((number, Roles.Window, NotificationKind.StepOverdue)); // the window inbox, which both clerks read
        }

        foreach (var number in yellow)
        {
            expected.Add((number, Roles.Window, NotificationKind.StepWarning));
        }

        var stored = await first.NotificationsAsync();
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(stored.Count, stored.Select(n => n.DedupeKey).Distinct().Count());
        Assert.Equal(
            expected.Select(e => $"{e.Case}|{e.Recipient}|{e.Kind}").Order(StringComparer.Ordinal),
            stored.Select(n => $"{n.CaseNumber}|{n.Recipient()}|{n.Kind}").Order(StringComparer.Ordinal));
        Assert.Equal(LateCases + YellowCases, (await first.SendAs(window1, new Inbox.Query())).Unread);
        Assert.Equal(LateCases + YellowCases, (await first.SendAs(window2, new Inbox.Query())).Unread);

        // Both dispatchers at once, twice: each notification goes out once.
        var sent = 0;
        for (var round = 0; round < 2; round++)
        {
            sent += (await NotificationWorld.AllAtOnceAsync(instances, f => f.DispatchAsync())).Sum();
        }

        Assert.Equal(expected.Count, sent);
        Assert.Equal(expected.Count, recorder.Calls);
        Assert.Equal(
            stored.Select(n => n.Id).Order(),
            recorder.Sent.Select(m => m.NotificationId).Order());
        var delivered = await first.NotificationsAsync();
        Assert.All(delivered, n =>
        {
            Assert.Equal(DeliveryState.Sent, n.Delivery);
            Assert.NotNull(n.SentAt);
            Assert.Equal(1, n.Attempts);
            Assert.Null(n.LastError);
        });
        Assert.All(recorder.Sent, m =>
        {
            var n = delivered.Single(n => n.Id == m.NotificationId);
            Assert.Equal(n.RecipientId, m.RecipientId);
            Assert.Equal(n.RecipientRole, m.RecipientRole);
        });

        // Nothing is left for either instance.
        var dispatchedAgain = await NotificationWorld.AllAtOnceAsync(instances, f => f.DispatchAsync());
        Assert.Equal(new[] { 0, 0 }, dispatchedAgain);
        var sweptAgain = await NotificationWorld.AllAtOnceAsync(instances, f => f.SweepAsync());
        Assert.Equal(new[] { 0, 0 }, sweptAgain);
        Assert.Equal(expected.Count, (await first.NotificationsAsync()).Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_dispatchers_at_once_send_each_of_many_notifications_exactly_once(Provider provider)
    {
        const int count = 60;
        var recorder = new RecordingSender();
        await using var first = new NotifyingPortal(provider, recorder);
        first.Settings["Notifications:BatchSize"] = "25";
        var recipients = new[] { await first.CreateUserAsync(Roles.Applicant), await first.CreateUserAsync(Roles.Window) };
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await first.StoreAsync(recipients[i % 2], $"消息{i}", $"正文{i}"));
        }

        await using var second = new NotifyingPortal(provider, recorder, first.ConnectionString);
        second.Settings["Notifications:BatchSize"] = "25";
        _ = second.Services;
        second.Time.Set(first.Time.GetUtcNow());
        var instances = new PortalFactory[] { first, second };

        var sent = 0;
        for (var round = 0; round < 6; round++)
        {
            sent += (await NotificationWorld.AllAtOnceAsync(instances, f => f.DispatchAsync())).Sum();
        }

        Assert.Equal(count, sent);
        Assert.Equal(count, recorder.Calls);
        Assert.Equal(ids.Order(), recorder.Sent.Select(m => m.NotificationId).Order());
        Assert.All(await first.NotificationsAsync(), n =>
        {
            Assert.Equal(DeliveryState.Sent, n.Delivery);
            Assert.Equal(1, n.Attempts);
        });
    }
}
