using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Setup;
using Xunit.Abstractions;

namespace Portal.Faults.Support;

/// <summary>
/// Two portal processes on one PostgreSQL database (of a cluster of the test's own), as behind a load balancer.
/// The first seeds the demo accounts before the second starts. Both may run on the test clock, moved together.
/// </summary>
public sealed class TwoPortals : IAsyncDisposable
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly ITestOutputHelper output;

    /// <summary>
    /// The portals' clock as the test follows it: the same type each portal process runs with Portal:TestClock
    /// (src/Portal.Web/Setup/TestClock.cs), the system's time moved by what the test has advanced. Not FakeTimeProvider:
    /// the portals' clocks keep running with the system's between advances, a fake one stands still.
    /// </summary>
    private readonly ShiftedTimeProvider clock = new();

    private TwoPortals(ITestOutputHelper output, PostgresDatabase database)
    {
        this.output = output;
        Database = database;
    }

    public PostgresDatabase Database { get; }

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public IReadOnlyList<PortalProcess> Both => [A, B];

    /// <summary>The portals' time (both run the same clock: the system's plus what the test moved).</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public static async Task<TwoPortals> StartAsync(ITestOutputHelper output, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await PostgresDatabase.CreateAsync();
        var portals = new TwoPortals(output, database);
        try
        {
            var common = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
            portals.A = await PortalProcess.StartAsync("A", database, new Dictionary<string, string>(common) { ["Portal__SeedDemoData"] = "true" });
            portals.B = await PortalProcess.StartAsync("B", database, new Dictionary<string, string>(common) { ["Portal__SeedDemoData"] = "false" });
            return portals;
        }
        catch
        {
            await portals.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the end of both portals' logs to the test output (call when a test fails).</summary>
    public void DumpLogs()
    {
        foreach (var p in Both.Where(p => p is not null))
        {
            output.WriteLine($"--- portal {p.Name} ---\n{p.Tail(80)}");
        }
    }

    /// <summary>Moves both test clocks by the same amount at the same moment (each advance also runs that portal's deadline sweep once).</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Assert.True(by > TimeSpan.Zero, $"the test clock only moves forward ({by})");
        var hours = by.TotalHours.ToString("R", CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var answers = await Task.WhenAll(Both.Select(p => http.PostAsync($"{p.Url}/__test/clock/advance?hours={hours}", null)));
        foreach (var a in answers)
        {
            Assert.True(a.IsSuccessStatusCode, $"moving the test clock answered {(int)a.StatusCode}: {await a.Content.ReadAsStringAsync()}");
            a.Dispose();
        }

        clock.Advance(by);
    }

    /// <summary>Moves both clocks to the next working day (by the portal's calendar) at the given China time.</summary>
    public async Task<DateOnly> MoveToNextWorkingDayAsync(int hour)
    {
        using var http = new HttpClient { BaseAddress = new Uri(A.Url), Timeout = TimeSpan.FromSeconds(30) };
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, China).DateTime);
        for (var day = today.AddDays(1); ; day = day.AddDays(1))
        {
            var info = await http.GetFromJsonAsync<DayInfo>($"/api/calendar/day?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            if (info!.Working)
            {
                var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), China.GetUtcOffset(day.ToDateTime(new TimeOnly(hour, 0))));
                await AdvanceAsync(target - Now);
                output.WriteLine($"test clocks moved to {day:yyyy-MM-dd} {hour:D2}:00 (China)");
                return day;
            }
        }
    }

    /// <summary>Creates a window clerk through the portal's own Identity store and user manager (no admin page creates staff).</summary>
    public async Task<string> CreateWindowClerkAsync(string userName, string fullName, string window)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalDatabase(_ => new DatabaseSettings(Database.Provider, Database.ConnectionString + ";Pooling=false"));
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, FullName = fullName, Kind = UserKind.Staff, WindowNumber = window, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, WebSession.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var role = await users.AddToRoleAsync(user, Roles.Window);
        Assert.True(role.Succeeded, string.Join("; ", role.Errors.Select(e => e.Description)));
        return user.Id;
    }

    public async Task<string> UserIdAsync(string userName) =>
        await Database.ReadAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public async ValueTask DisposeAsync()
    {
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private sealed record DayInfo(bool Working);
}
