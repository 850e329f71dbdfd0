using Portal.Web.Features.Hall;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hall;

/// <summary>A ticket transferred to another window: its page counts those the target window will call before it.</summary>
public sealed class HallTransferAheadTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Second_ticket_transferred_to_A02_has_the_first_one_ahead(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a01 = await factory.CreateWindowAsync("A01");
        var a02 = await factory.CreateWindowAsync("A02");
        var first = await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await factory.TakeAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        await factory.TakeAsync();

        Assert.Equal("A001", await factory.CallNextAsync(a01));
        await factory.ActAsync(a01, WindowAct.Action.Transfer, "A02");
        Assert.Equal("A002", await factory.CallNextAsync(a01));
        await factory.ActAsync(a01, WindowAct.Action.Transfer, "A02");

        // A02 will call A001, then A002, then A003.
        Assert.Equal(["A001", "A002", "A003"], (await factory.SendAs(a02, new WindowQuery.Query())).Queue.Select(w => w.Number));
        Assert.Equal(0, (await factory.ViewAsync(first)).Ahead);
        Assert.Equal(1, (await factory.ViewAsync(second)).Ahead);
    }
}
