using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Notifications;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Notifications;

/// <summary>
/// A sender that records every message it is asked to send (thread-safe, shared by several portal instances), and
/// can be told to fail.
/// </summary>
public sealed class RecordingSender : INotificationSender
{
    private readonly ConcurrentQueue<OutgoingMessage> sent = new();
    private int calls;

    /// <summary>Decides, per call (1-based count of all calls so far) and message, whether the gateway fails.</summary>
    public Func<int, OutgoingMessage, Exception?> Fail { get; set; } = (_, _) => null;

    /// <summary>Every message sent successfully, in order.</summary>
    public IReadOnlyList<OutgoingMessage> Sent => sent.ToArray();

    /// <summary>How often <see cref="SendAsync"/> was called, successful or not.</summary>
    public int Calls => Volatile.Read(ref calls);

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);

        // Give the other instance a chance to interleave (a real gateway call takes time).
        await Task.Yield();
        if (Fail(call, message) is { } failure)
        {
            throw failure;
        }

        sent.Enqueue(message);
    }
}

/// <summary>The portal with the given sender instead of the logging one (what a city's SMS gateway plugs into).</summary>
public sealed class NotifyingPortal(Provider provider, INotificationSender sender, string? connectionString = null)
    : PortalFactory(provider, connectionString)
{
    public INotificationSender Sender { get; } = sender;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<INotificationSender>();
            services.AddSingleton(Sender);
        });
    }
}

/// <summary>Reading and producing notifications in the tests.</summary>
public static class NotificationWorld
{
    public static Task<List<Notification>> NotificationsAsync(this PortalFactory factory) =>
        factory.WithDb(db => db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    /// <summary>Who a message is for: the role whose inbox holds it, or the person's id.</summary>
    public static string Recipient(this Notification n) => n.RecipientRole ?? n.RecipientId;

    public static async Task<List<Notification>> NotificationsOfAsync(this PortalFactory factory, TestUser user) =>
        (await factory.NotificationsAsync()).Where(n => n.RecipientId == user.Id).ToList();

    public static async Task<List<Notification>> NotificationsOfAsync(this PortalFactory factory, NotificationKind kind) =>
        (await factory.NotificationsAsync()).Where(n => n.Kind == kind).ToList();

    public static Task<Notification> NotificationAsync(this PortalFactory factory, long id) =>
        factory.WithDb(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id));

    /// <summary>One run of the deadline sweep (overdue marks, then the yellow marks) of this portal instance.</summary>
    public static Task<int> SweepAsync(this PortalFactory factory) =>
        factory.Services.GetRequiredService<DeadlineSweeper>().SweepOnceAsync(CancellationToken.None);

    /// <summary>One run of the notification dispatcher of this portal instance.</summary>
    public static Task<int> DispatchAsync(this PortalFactory factory) =>
        factory.Services.GetRequiredService<NotificationDispatcher>().DispatchOnceAsync(CancellationToken.None);

    /// <summary>Stores a notification directly (as the outbox would), for the dispatcher and the 消息 page.</summary>
    public static Task<long> StoreAsync(this PortalFactory factory, TestUser recipient, string title, string body, NotificationKind kind = NotificationKind.NeedsAction, string? caseNumber = null) =>
        factory.WithDb(async db =>
        {
            var n = Notification.Create(recipient.Id, kind, caseNumber, title, body, caseNumber is null ? null : $"/Cases/{caseNumber}", factory.Time.GetUtcNow().UtcDateTime, $"test:{Guid.NewGuid():N}");
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    /// <summary>Registers a phone number and an e-mail address for the user (what the SMS / mail gateway gets).</summary>
    public static async Task SetContactAsync(this PortalFactory factory, TestUser user, string phone, string email)
    {
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = await manager.FindByIdAsync(user.Id);
        Assert.NotNull(stored);
        stored.PhoneNumber = phone;
        stored.Email = email;
        var result = await manager.UpdateAsync(stored);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Runs the same work on every instance at once (released together) and returns each result.</summary>
    public static async Task<T[]> AllAtOnceAsync<T>(IReadOnlyList<PortalFactory> instances, Func<PortalFactory, Task<T>> work)
    {
        using var start = new SemaphoreSlim(0, instances.Count);
        var runs = instances.Select(f => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await work(f);
        })).ToList();
        start.Release(instances.Count);
        return await Task.WhenAll(runs);
    }

    /// <summary>Runs the given pieces of work at once (released together) and returns each result.</summary>
    public static async Task<T[]> AllAtOnceAsync<T>(params Func<Task<T>>[] work)
    {
        using var start = new SemaphoreSlim(0, work.Length);
        var runs = work.Select(w => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await w();
        })).ToList();
        start.Release(work.Length);
        return await Task.WhenAll(runs);
    }
}
