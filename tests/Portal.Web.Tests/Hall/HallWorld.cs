using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>Small steps the hall tests share: window clerks with a window number, taking numbers, acting at a window.</summary>
public static class HallWorld
{
    /// <summary>A 窗口工作人员 account with its window number registered (as an administrator would).</summary>
    public static async Task<TestUser> CreateWindowAsync(this PortalFactory factory, string window)
    {
        var clerk = await factory.CreateUserAsync(Roles.Window, $"窗口{window}工作人员");
        using var scope = factory.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await manager.FindByIdAsync(clerk.Id);
        Assert.NotNull(user);
        user.WindowNumber = window;
        var result = await manager.UpdateAsync(user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return clerk;
    }

    /// <summary>Takes a number anonymously, as at the kiosk; returns the access code.</summary>
    public static Task<string> TakeAsync(this PortalFactory factory, string category = "establishment", PriorityReason reason = PriorityReason.None) =>
        factory.SendAs(null, new TakeTicket.Command { Category = category, Reason = reason });

    public static Task<TicketView.Result> ViewAsync(this PortalFactory factory, string code) =>
        factory.SendAs(null, new TicketView.Query { Code = code });

    public static async Task<string> NumberOfAsync(this PortalFactory factory, string code) =>
        (await factory.ViewAsync(code)).Number;

    public static Task<string> ActAsync(this PortalFactory factory, TestUser clerk, WindowAct.Action action, string? transferTo = null) =>
        factory.SendAs(clerk, new WindowAct.Command { Do = action, TransferTo = transferTo });

    public static Task<string> CallNextAsync(this PortalFactory factory, TestUser clerk) =>
        factory.ActAsync(clerk, WindowAct.Action.CallNext);

    public static Task<Ticket> TicketAsync(this PortalFactory factory, string number) =>
        factory.WithDb(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Number == number));

    public static Task<List<Ticket>> TicketsAsync(this PortalFactory factory) =>
        factory.WithDb(db => db.Tickets.AsNoTracking().OrderBy(t => t.Id).ToListAsync());
}
