using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Materials;
using Portal.Testing;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Materials;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// A case's materials follow who acts for the enterprise, as its actions do: the agent (经办人) the legal representative
/// authorised for 简易注销 answers the window's 一次性告知 on the case the legal representative filed, and an agent whose
/// authorisation was revoked can no longer open or add to the materials, not even of the case they filed themselves.
/// </summary>
public sealed class AgentMaterialTests
{
    private const string Simple = DeregistrationService.SimpleCode;
    private const string Notice = "1. 全体投资人承诺书（加盖公章）";

    [Fact]
    public async Task The_agent_answers_the_notice_on_the_case_the_legal_representative_filed()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var agent = await world.AgentForAsync("李四", Simple);
        var number = await factory.SendAs(world.Representative, DeregistrationSteps.SimpleCommand(world.Enterprise));
        await factory.ActNowAsync(world.Window, number, CaseTrigger.RequestSupplement, Notice);

        var panel = await factory.PanelAsync(agent, number);
        Assert.True(panel is { MayOpen: true, MayUpload: true, IsApplicantSide: true, MayReview: false }, $"{panel}");
        await factory.AnswerAsync(agent, number, [MaterialSteps.File(MaterialCatalog.SupplementCode, SampleFiles.Pdf(), "承诺书.pdf")]);

        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
        var item = await factory.ItemAsync(number, MaterialCatalog.SupplementCode);
        Assert.Equal(agent.Id, Assert.Single(item.Files).UploadedById);
    }

    [Fact]
    public async Task A_revoked_agent_neither_opens_nor_answers_the_materials_of_the_case_they_filed()
    {
        await using var factory = new PortalFactory();
        var world = await IdentityWorld.CreateAsync(factory);
        var agent = await world.AgentForAsync("李四", Simple);
        var number = await factory.SendAs(agent, DeregistrationSteps.SimpleCommand(world.Enterprise));
        await factory.ActNowAsync(world.Window, number, CaseTrigger.RequestSupplement, Notice);
        Assert.True((await factory.PanelAsync(agent, number))!.MayUpload);

        await world.RevokeAsync(agent);

        var panel = await factory.PanelAsync(agent, number);
        Assert.True(panel is null or { MayOpen: false, MayUpload: false, IsApplicantSide: false }, $"{panel}");
        var answer = await Scenario.Outcome(() => factory.AnswerAsync(agent, number, [MaterialSteps.File(MaterialCatalog.SupplementCode, SampleFiles.Pdf(), "承诺书.pdf")]));
        Assert.IsType<NotFoundException>(answer);
        Assert.Equal(CaseState.AwaitingSupplement, (await factory.LoadCaseAsync(number)).State);
        Assert.Empty((await factory.ItemsAsync(number)).SelectMany(i => i.Files));

        // The legal representative answers instead.
        await factory.AnswerAsync(world.Representative, number, [MaterialSteps.File(MaterialCatalog.SupplementCode, SampleFiles.Pdf(), "承诺书.pdf")]);
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
    }
}
