using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Web.Features.Cases;

namespace Portal.Web.Tests.Support;

/// <summary>What a case looks like in the database at one moment: enough to prove that a refused request changed nothing.</summary>
public sealed record CaseSnapshot(CaseState State, long Version, int HistoryCount, DateTime? StepDueAt, bool IsOverdue, string HolderRole);

/// <summary>Small steps the case tests share: act on a case the way the case page does, and read it back.</summary>
public static class Scenario
{
    /// <summary>An instant given as a wall-clock time in China (UTC+8), as the UTC <see cref="DateTime"/> the database stores.</summary>
    public static DateTime ChinaUtc(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).UtcDateTime;

    /// <summary>The version the case page would show to this person (CaseView.Query).</summary>
    public static async Task<long> ShownVersionAsync(this PortalFactory factory, TestUser user, string number) =>
        (await factory.SendAs(user, new CaseView.Query { Number = number })).Version;

    /// <summary>The case's current version, read straight from the database (for people who cannot open the case).</summary>
    public static async Task<long> StoredVersionAsync(this PortalFactory factory, string number) =>
        (await factory.LoadCaseAsync(number)).Version;

    /// <summary>Posts the case page's action form: the trigger with the version the page was showing.</summary>
    public static Task<Unit> ActAsync(
        this PortalFactory factory,
        TestUser user,
        string number,
        CaseTrigger trigger,
        long expectedVersion,
        string? reason = null,
        bool supervisorOverride = false) =>
        factory.SendAs(user, new Act.Command
        {
            Number = number,
            Trigger = trigger,
            ExpectedVersion = expectedVersion,
            Reason = reason,
            SupervisorOverride = supervisorOverride,
        });

    /// <summary>Acts with the version currently stored (a form freshly loaded).</summary>
    public static async Task ActNowAsync(this PortalFactory factory, TestUser user, string number, CaseTrigger trigger, string? reason = null, bool supervisorOverride = false) =>
        await factory.ActAsync(user, number, trigger, await factory.StoredVersionAsync(number), reason, supervisorOverride);

    public static Task<CaseSnapshot> SnapshotAsync(this PortalFactory factory, string number) =>
        factory.WithDb(async db =>
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Number == number);
            var history = await db.CaseEvents.AsNoTracking().CountAsync(e => e.CaseId == c.Id);
            return new CaseSnapshot(c.State, c.Version, history, c.StepDueAt, c.IsOverdue, c.HolderRole);
        });

    /// <summary>The case's history rows, oldest first.</summary>
    public static Task<List<CaseEvent>> HistoryAsync(this PortalFactory factory, string number) =>
        factory.WithDb(db => db.CaseEvents.AsNoTracking()
            .Where(e => e.Case.Number == number)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync());

    /// <summary>Runs the request and returns the portal failure it ended with, or null when it succeeded.</summary>
    public static async Task<Exception?> Outcome(Func<Task> send)
    {
        try
        {
            await send();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
