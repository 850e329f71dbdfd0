using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>
/// The SMS / e-mail dispatcher: sends each pending notification once with the recipient's contact details, retries a
/// failed attempt, gives up after MaxAttempts, and takes over a claim left by a crashed instance.
/// </summary>
public sealed class DispatcherTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Pending_notification_is_sent_once_with_the_recipients_phone_and_email(Provider provider)
    {
        var recorder = new RecordingSender();
        await using var factory = new NotifyingPortal(provider, recorder);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window);
        await factory.SetContactAsync(applicant, "13800000001", "zhangming@example.cn");
        var number = await factory.SubmitCaseAsync(applicant, "枣庄短信科技有限公司");
        await factory.ActNowAsync(window, number, CaseTrigger.RequestSupplement, "公司章程");
        var stored = Assert.Single(await factory.NotificationsAsync());

        factory.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await factory.DispatchAsync());

        var message = Assert.Single(recorder.Sent);
        Assert.Equal(stored.Id, message.NotificationId);
        Assert.Equal(applicant.Id, message.RecipientId);
        Assert.Equal("13800000001", message.Phone);
        Assert.Equal("zhangming@example.cn", message.Email);
        Assert.Equal(stored.Title, message.Title);
        Assert.Equal(stored.Body, message.Body);
        Assert.Equal($"/Cases/{number}", message.Link);

        var sent = await factory.NotificationAsync(stored.Id);
        Assert.Equal(DeliveryState.Sent, sent.Delivery);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, sent.SentAt);
        Assert.Equal(1, sent.Attempts);
        Assert.NotNull(sent.ClaimToken);
        Assert.Null(sent.LastError);
        Assert.Null(sent.ReadAt); // sending is not reading

        // Sent is sent: later runs send nothing.
        factory.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await factory.DispatchAsync());
        Assert.Equal(1, recorder.Calls);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Recipient_without_contact_details_still_gets_the_attempt_without_phone_or_email(Provider provider)
    {
        var recorder = new RecordingSender();
        await using var factory = new NotifyingPortal(provider, recorder);
        var window = await factory.CreateUserAsync(Roles.Window);
        var id = await factory.StoreAsync(window, "办件时限预警", "正文", NotificationKind.StepWarning);

        Assert.Equal(1, await factory.DispatchAsync());

        var message = Assert.Single(recorder.Sent);
        Assert.Equal(id, message.NotificationId);
        Assert.Null(message.Phone);
        Assert.Null(message.Email);
        Assert.Null(message.Link);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Failed_attempt_counts_stays_pending_and_is_retried_until_it_succeeds(Provider provider)
    {
        var recorder = new RecordingSender { Fail = (call, _) => call <= 2 ? new InvalidOperationException($"短信网关超时（第{call}次）") : null };
        await using var factory = new NotifyingPortal(provider, recorder);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var id = await factory.StoreAsync(applicant, "办件已受理", "正文");

        Assert.Equal(0, await factory.DispatchAsync());
        var first = await factory.NotificationAsync(id);
        Assert.Equal(DeliveryState.Pending, first.Delivery);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.ClaimToken); // released at once for the retry
        Assert.Equal("短信网关超时（第1次）", first.LastError);
        Assert.Null(first.SentAt);

        Assert.Equal(0, await factory.DispatchAsync());
        var second = await factory.NotificationAsync(id);
        Assert.Equal(DeliveryState.Pending, second.Delivery);
        Assert.Equal(2, second.Attempts);
        Assert.Equal("短信网关超时（第2次）", second.LastError);

        Assert.Equal(1, await factory.DispatchAsync());
        var third = await factory.NotificationAsync(id);
        Assert.Equal(DeliveryState.Sent, third.Delivery);
        Assert.Equal(3, third.Attempts);
        Assert.NotNull(third.SentAt);
        Assert.Equal(3, recorder.Calls);
        Assert.Single(recorder.Sent);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task After_max_attempts_the_notification_is_failed_and_never_tried_again(Provider provider)
    {
        var recorder = new RecordingSender { Fail = (_, _) => new InvalidOperationException("网关拒绝：号码无效") };
        await using var factory = new NotifyingPortal(provider, recorder);
        factory.Settings["Notifications:MaxAttempts"] = "3";
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var failing = await factory.StoreAsync(applicant, "办件需要您处理", "正文");

        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(0, await factory.DispatchAsync());
            var n = await factory.NotificationAsync(failing);
            Assert.Equal(i, n.Attempts);
            Assert.Equal(i < 3 ? DeliveryState.Pending : DeliveryState.Failed, n.Delivery);
            Assert.Equal("网关拒绝：号码无效", n.LastError);
        }

        factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await factory.DispatchAsync());
        Assert.Equal(3, recorder.Calls);
        var failed = await factory.NotificationAsync(failing);
        Assert.Equal(DeliveryState.Failed, failed.Delivery);
        Assert.Equal(3, failed.Attempts);
        Assert.Null(failed.SentAt);

        // The 消息 page still lists it (the portal message is there even when the SMS failed).
        var inbox = await factory.SendAs(applicant, new Portal.Web.Features.Messages.Inbox.Query());
        Assert.Equal("短信/邮件发送失败", Assert.Single(inbox.Rows).Delivery);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task One_failing_message_does_not_hold_up_the_others(Provider provider)
    {
        var recorder = new RecordingSender { Fail = (_, m) => m.Title == "坏消息" ? new InvalidOperationException("网关错误") : null };
        await using var factory = new NotifyingPortal(provider, recorder);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var a = await factory.StoreAsync(applicant, "消息甲", "正文");
        var bad = await factory.StoreAsync(applicant, "坏消息", "正文");
        var b = await factory.StoreAsync(applicant, "消息乙", "正文");

        Assert.Equal(2, await factory.DispatchAsync());

        Assert.Equal([a, b], recorder.Sent.Select(m => m.NotificationId));
        Assert.Equal(DeliveryState.Pending, (await factory.NotificationAsync(bad)).Delivery);
        Assert.Equal(DeliveryState.Sent, (await factory.NotificationAsync(a)).Delivery);
        Assert.Equal(DeliveryState.Sent, (await factory.NotificationAsync(b)).Delivery);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Long_gateway_error_is_stored_cut_to_500_characters(Provider provider)
    {
        var error = new string('错', 800);
        var recorder = new RecordingSender { Fail = (_, _) => new InvalidOperationException(error) };
        await using var factory = new NotifyingPortal(provider, recorder);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var id = await factory.StoreAsync(applicant, "消息", "正文");

        Assert.Equal(0, await factory.DispatchAsync());

        var n = await factory.NotificationAsync(id);
        Assert.Equal(error[..500], n.LastError);
        Assert.Equal(DeliveryState.Pending, n.Delivery);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Stale_claim_of_a_crashed_instance_is_taken_over_and_a_fresh_one_is_left_alone(Provider provider)
    {
        var recorder = new RecordingSender();
        await using var factory = new NotifyingPortal(provider, recorder);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var crashed = await factory.StoreAsync(applicant, "被崩溃实例认领", "正文");
        var busy = await factory.StoreAsync(applicant, "另一实例正在发送", "正文");

        // ClaimTimeout is 2 minutes: one claim is 3 minutes old, the other 1 minute.
        await factory.WithDb(db => db.Notifications.Where(n => n.Id == crashed)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimToken, "crashed-instance").SetProperty(n => n.ClaimedAt, now.AddMinutes(-3))));
        await factory.WithDb(db => db.Notifications.Where(n => n.Id == busy)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClaimToken, "busy-instance").SetProperty(n => n.ClaimedAt, now.AddMinutes(-1))));

        Assert.Equal(1, await factory.DispatchAsync());

        Assert.Equal([crashed], recorder.Sent.Select(m => m.NotificationId));
        var takenOver = await factory.NotificationAsync(crashed);
        Assert.Equal(DeliveryState.Sent, takenOver.Delivery);
        Assert.NotEqual("crashed-instance", takenOver.ClaimToken);
        Assert.Equal(now, takenOver.ClaimedAt);
        var left = await factory.NotificationAsync(busy);
        Assert.Equal(DeliveryState.Pending, left.Delivery);
        Assert.Equal("busy-instance", left.ClaimToken);

        // Once that claim is older than the timeout too, it is taken over.
        factory.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await factory.DispatchAsync());
        Assert.Equal([crashed, busy], recorder.Sent.Select(m => m.NotificationId));
        Assert.Equal(DeliveryState.Sent, (await factory.NotificationAsync(busy)).Delivery);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Each_run_sends_at_most_one_batch_oldest_first(Provider provider)
    {
        var recorder = new RecordingSender();
        await using var factory = new NotifyingPortal(provider, recorder);
        factory.Settings["Notifications:BatchSize"] = "2";
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await factory.StoreAsync(applicant, $"消息{i}", "正文"));
        }

        Assert.Equal(2, await factory.DispatchAsync());
        Assert.Equal(ids.Take(2), recorder.Sent.Select(m => m.NotificationId));
        Assert.Equal(2, await factory.DispatchAsync());
        Assert.Equal(1, await factory.DispatchAsync());
        Assert.Equal(0, await factory.DispatchAsync());
        Assert.Equal(ids, recorder.Sent.Select(m => m.NotificationId));
    }

    [Fact]
    public async Task Default_sender_logs_instead_of_sending_and_marks_the_notification_sent()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var id = await factory.StoreAsync(applicant, "办件已受理", "正文");

        Assert.Equal(1, await factory.DispatchAsync());

        Assert.Equal(DeliveryState.Sent, (await factory.NotificationAsync(id)).Delivery);
    }
}
