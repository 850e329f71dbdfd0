using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Dashboard;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;
using Portal.Workflow;

namespace Portal.Web.Tests.Dashboard;

/// <summary>
/// Small steps the dashboard tests share: staff with a window number, cases written through the real domain
/// (Case.Submit / Fire / MarkOverdue) at chosen instants with fixed promises, queue numbers through the hall's
/// real commands at chosen instants, and the statistics query as a supervisor.
/// </summary>
public static class DashboardWorld
{
    public const string Establishment = EstablishmentService.Code;

    /// <summary>涉税办理（单独办理）: held by 税务 after 受理.</summary>
    public const string TaxAddon = EstablishmentService.AddonPrefix + "tax";

    /// <summary>
    /// The promises the hand-computed data uses, independent of the active profile: 受理 and 督查审批 1 working day,
    /// 办理 (企业开办 and its add-ons) 4 office hours.
    /// </summary>
    public static TimeLimit? Limits(string key) => key switch
    {
        PromiseKeys.CaseAccept => new TimeLimit(1, TimeUnit.WorkingDays),
        PromiseKeys.RejectionReview => new TimeLimit(1, TimeUnit.WorkingDays),
        PromiseKeys.EstablishmentTotal => new TimeLimit(4, TimeUnit.OfficeHours),
        _ => null,
    };

    /// <summary>The clock of the portal's local time zone with the built-in calendar (for tests without a host).</summary>
    public static DeadlineClock ChinaClock { get; } = new(WorkingCalendar.ChinaDefault, DeadlineClock.ChinaStandardTime());

    /// <summary>A staff account with the given role and name, and (for window staff) its window number.</summary>
    public static async Task<TestUser> CreateStaffAsync(this PortalFactory factory, string role, string name, string? window = null)
    {
        var staff = await factory.CreateUserAsync(role, name);
        if (window is null)
        {
            return staff;
        }

        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await manager.FindByIdAsync(staff.Id);
        Assert.NotNull(user);
        user.WindowNumber = window;
        var result = await manager.UpdateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return staff;
    }

    /// <summary>Submits a case at the given instant (the applicant files it online) and keeps it open for more actions.</summary>
    public static async Task<CaseStory> SubmitAtAsync(this PortalFactory factory, string serviceCode, string number, TestUser applicant, DateTime atUtc, string? title = null)
    {
        var story = new CaseStory(factory.Services.CreateScope(), serviceCode);
        await story.SubmitAsync(number, applicant, atUtc, title);
        return story;
    }

    /// <summary>Takes a queue number at the given instant, as at the kiosk; returns the day's number (e.g. A001).</summary>
    public static async Task<string> TakeNumberAtAsync(this PortalFactory factory, DateTime atUtc)
    {
        factory.Time.Set(new DateTimeOffset(atUtc, TimeSpan.Zero));
        var code = await factory.SendAs(null, new TakeTicket.Command { Category = "establishment" });
        return (await factory.SendAs(null, new TicketView.Query { Code = code })).Number;
    }

    /// <summary>A window clerk's action at the given instant; returns the ticket's number.</summary>
    public static Task<string> WindowAtAsync(this PortalFactory factory, TestUser clerk, WindowAct.Action action, DateTime atUtc)
    {
        factory.Time.Set(new DateTimeOffset(atUtc, TimeSpan.Zero));
        return factory.SendAs(clerk, new WindowAct.Command { Do = action });
    }

    public static Task<Statistics.Result> StatisticsAsync(this PortalFactory factory, TestUser supervisor, DateOnly from, DateOnly to) =>
        factory.SendAs(supervisor, new Statistics.Query { From = from, To = to });

    /// <summary>The rows of one dashboard table, as downloaded.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Rows(this Statistics.Result result, string table) => result.Table(table).Data.Rows;
}

/// <summary>One case written step by step at chosen instants through the real domain model, saved after every step.</summary>
public sealed class CaseStory(IServiceScope scope, string serviceCode) : IAsyncDisposable
{
    private readonly PortalDbContext db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

    public Case Case { get; private set; } = null!;

    public string Number => Case.Number;

    public async Task SubmitAsync(string number, TestUser applicant, DateTime atUtc, string? title = null)
    {
        Case = Case.Submit(number, title ?? $"{number} 测试办件", (applicant.Id, applicant.Name), Channel.Online, await ContextAsync(applicant.Actor, atUtc));
        db.Cases.Add(Case);
        await db.SaveChangesAsync();
    }

    /// <summary>Fires a workflow trigger as the person (or the system) at the instant.</summary>
    public async Task<CaseStory> DoAsync(CaseActor actor, CaseTrigger trigger, DateTime atUtc, string? reason = null)
    {
        Case.Fire(trigger, await ContextAsync(actor, atUtc), new CaseActionArgs { Reason = reason });
        await db.SaveChangesAsync();
        return this;
    }

    public Task<CaseStory> DoAsync(TestUser user, CaseTrigger trigger, DateTime atUtc, string? reason = null) =>
        DoAsync(user.Actor, trigger, atUtc, reason);

    /// <summary>A note inside the current step (not a step of its own).</summary>
    public async Task<CaseStory> NoteAsync(TestUser user, DateTime atUtc)
    {
        Case.Record("补充说明", user.Actor, atUtc, "测试备注");
        await db.SaveChangesAsync();
        return this;
    }

    /// <summary>The deadline sweep's mark, as the sweep writes it.</summary>
    public async Task<CaseStory> MarkOverdueAsync(DateTime atUtc)
    {
        Assert.True(Case.MarkOverdue(atUtc), $"{Number} was not overdue at {atUtc:O}");
        await db.SaveChangesAsync();
        return this;
    }

    public ValueTask DisposeAsync()
    {
        scope.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CaseActionContext> ContextAsync(CaseActor actor, DateTime atUtc)
    {
        var clock = await scope.ServiceProvider.GetRequiredService<CalendarService>().GetClockAsync();
        var service = scope.ServiceProvider.GetRequiredService<ServiceCatalog>().Get(serviceCode);
        return new CaseActionContext(actor, atUtc, clock, DashboardWorld.Limits, service);
    }
}
