using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>Small steps the workbench tests share.</summary>
public static class WorkbenchSteps
{
    /// <summary>The window's 容缺受理 as the case page posts it: the missing item and the date the applicant committed to.</summary>
    public static async Task AcceptWithMissingAsync(this PortalFactory factory, TestUser window, string number, string item, DateOnly commitment) =>
        await factory.SendAs(window, new Act.Command
        {
            Number = number,
            Trigger = CaseTrigger.AcceptWithMissing,
            Reason = item,
            CommitmentDate = commitment,
            ExpectedVersion = await factory.StoredVersionAsync(number),
        });

    /// <summary>The 待办 list as the person sees it.</summary>
    public static Task<Queue.Result> QueueAsync(this PortalFactory factory, TestUser user, Queue.Query? query = null) =>
        factory.SendAs(user, query ?? new Queue.Query());

    public static async Task<IReadOnlyList<string>> NumbersAsync(this PortalFactory factory, TestUser user, Queue.Query query) =>
        (await factory.QueueAsync(user, query)).Rows.Select(r => r.Number).ToList();

    public static Task<ToleranceQueue.Result> CommitmentsAsync(this PortalFactory factory, TestUser user) =>
        factory.SendAs(user, new ToleranceQueue.Query());

    public static Task<SupplementQueue.Result> SupplementsAsync(this PortalFactory factory, TestUser user) =>
        factory.SendAs(user, new SupplementQueue.Query());

    public static Task<Unit> SupplyAsync(this PortalFactory factory, TestUser user, string number, string? note = null) =>
        factory.SendAs(user, new SupplyTolerance.Command { Number = number, Note = note });

    /// <summary>Makes <paramref name="to"/> the case's 首问负责人 (the hand-over the domain records; its page is not built yet).</summary>
    public static Task HandOverAsync(this PortalFactory factory, string number, TestUser to, TestUser by) =>
        factory.WithDb(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Number == number);
            c.HandOver(to.Id, to.Name, by.Actor, factory.Time.GetUtcNow().UtcDateTime, "调岗移交");
            return await db.SaveChangesAsync();
        });
}
