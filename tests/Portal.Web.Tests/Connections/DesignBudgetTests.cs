using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>供水 design budget: the water company records it; an enterprise's works fee is 3% below it (002:19).</summary>
public sealed class DesignBudgetTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Water_company_records_the_design_budget_and_the_enterprise_fee_is_three_percent_lower(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        var water = cases[Utility.Water];
        // The power company cannot record it, neither on the water request (not its case to see: not found, before the
        // fields are read) nor on its own (refused, with the reason).
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Power, new SetDesignBudget.Command { Number = water, Budget = 10000 }));
        var byPower = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Power, new SetDesignBudget.Command { Number = cases[Utility.Power], Budget = 10000 }));
        Assert.Equal("只有供水单位的工作人员可以录入接水工程设计预算。", byPower.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Window, new SetDesignBudget.Command { Number = water, Budget = 10000 }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(world.Applicant, new SetDesignBudget.Command { Number = water, Budget = 10000 }));
        // Nor the water company on a power request.
        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(world.Water, new SetDesignBudget.Command { Number = cases[Utility.Power], Budget = 10000 }));
        var zero = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water, Budget = 0 }));
        Assert.Contains(zero.Errors, e => e.Message == "设计预算应大于0。");
        var none = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water }));
        Assert.Contains(none.Errors, e => e.Message == "请填写设计预算。");
        Assert.Null((await factory.RequestAsync(water)).DesignBudget);
        Assert.Empty(await factory.NotesAsync(water));

        await factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water, Budget = 10000 });

        var stored = await factory.RequestAsync(water);
        Assert.Equal(10000m, stored.DesignBudget);
        Assert.Equal(9700m, stored.WorksFee);
        Assert.Single(await factory.NotesAsync(water), n => n.ActionLabel == "录入设计预算10,000.00元，工程费9,700.00元" && n.ActorId == world.Water.Id);
        // The history (shown to the applicant on the case page's timeline) says so.
        var timeline = (await factory.SendAs(world.Applicant, new Portal.Web.Features.Cases.CaseView.Query { Number = water })).Timeline;
        Assert.Contains(timeline, s => s.Note && s.Title == "录入设计预算10,000.00元，工程费9,700.00元");

        // A corrected budget replaces the first one.
        factory.Time.Advance(TimeSpan.FromHours(1));
        await factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water, Budget = 12345.67m });
        var corrected = await factory.RequestAsync(water);
        Assert.Equal(12345.67m, corrected.DesignBudget);
        Assert.Equal(11975.30m, corrected.WorksFee); // 12345.67 × 0.97 = 11975.3000 (rounded to fen)
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Design_budget_discount_is_refused_for_a_resident(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitAsync(new Submit.Command
        {
            Customer = CustomerKind.Resident,
            Address = "山东省枣庄市市中区文化路6号3单元201室",
            Purpose = "居住",
            Utilities = [Utility.Water],
            Water = ConnectionSteps.FilingWater,
        });
        var water = cases[Utility.Water];
        var request = await factory.RequestAsync(water);
        Assert.Equal(CustomerKind.Resident, request.Application.Customer);
        Assert.Null(request.Application.EnterpriseName);
        Assert.DoesNotContain("下浮3%", request.Notes);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SendAs(world.Water, new SetDesignBudget.Command { Number = water, Budget = 10000 }));

        Assert.Equal("接水工程费下浮3%只适用于工商企业用户。", Assert.Single(refused.Reasons));
        var stored = await factory.RequestAsync(water);
        Assert.Null(stored.DesignBudget);
        Assert.Null(stored.WorksFee);
        Assert.Empty(await factory.NotesAsync(water));
    }
}
