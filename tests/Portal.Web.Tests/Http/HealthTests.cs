using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Health;
using Portal.Infrastructure.Notifications;
using Portal.Web.Setup;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// /healthz for monitoring, without sign-in: the database, and the deadline sweep's and the notification dispatcher's
/// last successful run, as a short JSON body; 200 while Healthy or Degraded, 503 when Unhealthy.
/// </summary>
public sealed class HealthTests
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_fresh_portal_is_healthy_in_every_check(Provider provider)
    {
        await using var factory = Running(new PortalFactory(provider));
        using var session = new HttpSession(factory);

        var answer = await session.GetAsync(HealthSetup.Path);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        var health = Json(answer);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(
            [("database", "Healthy"), ("deadlineSweep", "Healthy"), ("notificationDispatcher", "Healthy")],
            health.GetProperty("checks").EnumerateObject().Select(c => (c.Name, c.Value.GetProperty("status").GetString())).OrderBy(c => c.Name, StringComparer.Ordinal));
        using var raw = await factory.CreateClient().GetAsync(HealthSetup.Path);
        Assert.True(raw.Headers.CacheControl?.NoStore, "a health answer is never cached");
    }

    [Theory]
    [InlineData(Provider.Sqlite, "Data Source=/nonexistent-portal-folder/portal.db;Mode=ReadOnly")]
    [InlineData(Provider.PostgreSql, "Host=127.0.0.1;Port=1;Username=portal;Database=nowhere;Timeout=5")]
    public async Task An_unreachable_database_is_503_with_a_short_json_body_and_nothing_technical(Provider provider, string unreachable)
    {
        await using var factory = new PortalFactory(provider);
        using var session = new HttpSession(factory);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(HealthSetup.Path)).Status);

        // The portal's database connection is read per request: from now on it points where nothing answers.
        factory.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Portal"] = unreachable;
        var answer = await session.GetAsync(HealthSetup.Path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        var health = Json(answer);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        foreach (var leak in new[] { "Exception", "exception", "Npgsql", "Sqlite", "SQLite", "nonexistent", "127.0.0.1", "   at " })
        {
            Assert.DoesNotContain(leak, answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stalled_deadline_sweep_turns_the_portal_degraded_and_then_unhealthy_until_it_runs_again()
    {
        await using var factory = Running(new PortalFactory());
        using var session = new HttpSession(factory);
        var sweeper = factory.Services.GetRequiredService<DeadlineSweeper>();
        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();
        await FirstRunAsync(dispatcher.Run);
        var ran = await FirstRunAsync(sweeper.Run);

        // The clock moves on and the sweep's loop does not run (AdjustTime fires no timer): 4 intervals without a
        // successful sweep are Degraded (still 200, so a load balancer keeps the instance) …
        factory.Time.AdjustTime(ran + 4 * SweepInterval);
        var late = await session.GetAsync(HealthSetup.Path);
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Equal("Degraded", Json(late).GetProperty("status").GetString());
        var sweep = Json(late).GetProperty("checks").GetProperty("deadlineSweep");
        Assert.Equal(("Degraded", HealthJson.Iso(ran)), (sweep.GetProperty("status").GetString(), sweep.GetProperty("lastRun").GetString()));
        Assert.Equal("Healthy", Json(late).GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        // … 11 intervals are Unhealthy: 503.
        factory.Time.AdjustTime(ran + 11 * SweepInterval);
        var stalled = await session.GetAsync(HealthSetup.Path);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.Status);
        Assert.Equal("Unhealthy", Json(stalled).GetProperty("checks").GetProperty("deadlineSweep").GetProperty("status").GetString());

        // Runs that finish make it healthy again (the dispatcher, on the same clock, was just as late).
        await sweeper.SweepOnceAsync(CancellationToken.None);
        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        var again = await session.GetAsync(HealthSetup.Path);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("Healthy", Json(again).GetProperty("status").GetString());
        var recovered = Json(again).GetProperty("checks").GetProperty("deadlineSweep");
        Assert.Equal(("Healthy", HealthJson.Iso(factory.Time.GetUtcNow())), (recovered.GetProperty("status").GetString(), recovered.GetProperty("lastRun").GetString()));
    }

    [Fact]
    public async Task A_dispatcher_without_a_round_for_too_long_makes_the_portal_unhealthy()
    {
        await using var factory = Running(new PortalFactory());
        using var session = new HttpSession(factory);
        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();
        await FirstRunAsync(factory.Services.GetRequiredService<DeadlineSweeper>().Run);
        var ran = await FirstRunAsync(dispatcher.Run);

        // Its interval is 5 s, counted as 20 s (Health:ShortestInterval): 11 × 20 s without a round is Unhealthy; the
        // sweep (every 30 s) is only Degraded after the same 220 s.
        factory.Time.AdjustTime(ran + TimeSpan.FromSeconds(11 * 20));
        var answer = await session.GetAsync(HealthSetup.Path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        var check = Json(answer).GetProperty("checks").GetProperty("notificationDispatcher");
        Assert.Equal(("Unhealthy", HealthJson.Iso(ran)), (check.GetProperty("status").GetString(), check.GetProperty("lastRun").GetString()));
        Assert.Equal("Degraded", Json(answer).GetProperty("checks").GetProperty("deadlineSweep").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Background_services_switched_off_in_this_instance_are_not_an_alarm()
    {
        await using var factory = new PortalFactory();
        using var session = new HttpSession(factory);
        factory.Time.AdjustTime(factory.Time.GetUtcNow().AddDays(30));

        var answer = await session.GetAsync(HealthSetup.Path);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var checks = Json(answer).GetProperty("checks");
        foreach (var name in new[] { "deadlineSweep", "notificationDispatcher" })
        {
            Assert.Equal("Healthy", checks.GetProperty(name).GetProperty("status").GetString());
            Assert.False(checks.GetProperty(name).GetProperty("enabled").GetBoolean());
        }
    }

    /// <summary>The portal with its deadline sweep (every 30 s) and notification dispatcher (every 5 s) running on the test clock.</summary>
    private static PortalFactory Running(PortalFactory factory)
    {
        factory.Settings["DeadlineSweep:Enabled"] = "true";
        factory.Settings["DeadlineSweep:Interval"] = "00:00:30";
        factory.Settings["Notifications:Enabled"] = "true";
        factory.Settings["Notifications:Interval"] = "00:00:05";
        return factory;
    }

    /// <summary>Waits for the service's first run at start-up (it runs on its own thread), then returns when it finished.</summary>
    private static async Task<DateTimeOffset> FirstRunAsync(BackgroundRun run)
    {
        for (var i = 0; i < 600 && run.LastSuccess is null; i++)
        {
            await Task.Delay(100);
        }

        Assert.True(run.LastSuccess is not null, "the background service did not finish its first run");
        return run.LastSuccess.Value;
    }

    private static JsonElement Json(HttpPage page)
    {
        using var document = JsonDocument.Parse(page.Body);
        return document.RootElement.Clone();
    }
}
