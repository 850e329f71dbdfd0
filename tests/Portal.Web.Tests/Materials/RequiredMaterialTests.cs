using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// Required materials are enforced at 受理 (docs/decisions/0018-materials.md): while a required upload has nothing handed
/// in, the window's 受理 is refused naming it, 容缺受理 only when every such item may be 容缺, and 即报即得 sends the case
/// to the window instead; 依职权注销 is started with its 依据文书 or not at all.
/// </summary>
public sealed class RequiredMaterialTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_window_cannot_accept_an_application_whose_required_lease_was_never_uploaded(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司",
            MaterialSteps.File("floor-plan", SampleFiles.Pdf("plan"), "平面图.pdf"),
            MaterialSteps.File("food-safety-rules", SampleFiles.Pdf("rules"), "制度.pdf"));

        var version = await factory.StoredVersionAsync(number);
        var accept = await Scenario.Outcome(() => factory.ActNowAsync(window, number, CaseTrigger.Accept));
        var tolerated = await Scenario.Outcome(() => factory.SendAs(window, new Act.Command
        {
            Number = number,
            Trigger = CaseTrigger.AcceptWithMissing,
            Reason = "住所使用证明",
            CommitmentDate = new DateOnly(2026, 12, 30),
            ExpectedVersion = version,
        }));

        Assert.Contains("尚未提交必需的材料“住所（经营场所）使用证明”", Assert.IsType<RuleViolationException>(accept).Message);
        Assert.Contains("“住所（经营场所）使用证明”尚未提交且不可容缺", Assert.IsType<RuleViolationException>(tolerated).Message);
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);

        // Once the lease is there, 受理 goes through.
        await factory.UploadAsync(applicant, number, "premises", MaterialSteps.File("premises", SampleFiles.Pdf("lease"), "租赁合同.pdf"));
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
    }

    [Fact]
    public async Task Missing_items_that_may_be_tolerated_refuse_plain_acceptance_but_not_tolerance_acceptance()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "王窗口");
        var number = await factory.ApplyWithFilesAsync(applicant, "枣庄味道餐饮有限公司",
            MaterialSteps.File("premises", SampleFiles.Pdf("lease"), "租赁合同.pdf"));

        var accept = await Scenario.Outcome(() => factory.ActNowAsync(window, number, CaseTrigger.Accept));
        Assert.Contains("尚未提交材料“经营场所平面布局图”、“食品安全管理制度”：请一次性告知补正，或按容缺受理", Assert.IsType<RuleViolationException>(accept).Message);

        await factory.SendAs(window, new Act.Command
        {
            Number = number,
            Trigger = CaseTrigger.AcceptWithMissing,
            Reason = "经营场所平面布局图、食品安全管理制度",
            CommitmentDate = new DateOnly(2026, 12, 30),
            ExpectedVersion = await factory.StoredVersionAsync(number),
        });

        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(number)).State);
        Assert.All((await factory.ItemsAsync(number)).Where(i => i.Code != "premises"), i => Assert.Equal(MaterialStatus.Deferred, i.Status));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_standard_application_without_its_lease_waits_for_the_window_instead_of_instant_approval(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var representative = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));

        var without = await factory.SubmitWithoutFilesAsync(representative, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech"));
        var with = await factory.SubmitAsync(representative, EstablishmentSteps.ValidForm("枣庄明远科技有限公司", "tech"));

        Assert.False(without.AutoAccepted);
        Assert.Contains(Submit.NotInstantWithoutMaterials([MaterialCatalog.Premises]), without.Notice);
        Assert.Equal(CaseState.Submitted, (await factory.LoadCaseAsync(without.Number)).State);
        Assert.True(with.AutoAccepted);
        Assert.Equal(CaseState.InProgress, (await factory.LoadCaseAsync(with.Number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task An_ordinary_deregistration_is_not_accepted_without_its_liquidation_group_file(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory, establishedOn: new DateOnly(2020, 1, 1));
        factory.Time.SetChina(2026, 11, 23, 9);
        var number = await factory.SendAs(world.Representative, DeregistrationSteps.OrdinaryCommand(world.Enterprise, new DateOnly(2026, 11, 20)));

        var accept = await Scenario.Outcome(() => factory.ActNowAsync(world.Window, number, CaseTrigger.Accept));

        Assert.Contains("“清算组成员名单及成立清算组的决议”", Assert.IsType<RuleViolationException>(accept).Message);
        await world.AcceptAsync(number); // the legal representative uploads it first
        Assert.NotEqual(CaseState.Submitted, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Deregistration_by_authority_stores_its_basis_document_and_is_refused_without_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        factory.Time.SetChina(2026, 11, 25, 14);
        var command = new ByAuthority.Command { CreditCode = world.Enterprise.CreditCode, Route = DeregistrationRoute.StruckOff, Reason = "连续两年未报送年度报告，依法除名。" };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(world.Supervisor, command));
        Assert.Equal(ByAuthority.BasisRequired, Assert.Single(refused.Errors).Message);
        Assert.Equal(Portal.Domain.Enterprises.EnterpriseStatus.Active, (await factory.EnterpriseAsync(world.Enterprise.CreditCode)).Status);

        var number = await factory.SendAs(world.Supervisor, command with { Files = DeregistrationSteps.Basis });

        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(number)).State);
        var basis = await factory.ItemAsync(number, MaterialCatalog.AuthorityBasis.Code);
        var file = Assert.Single(basis.Files);
        Assert.Equal("民事裁定书.pdf", file.DisplayName);
        Assert.Equal(world.Supervisor.Id, file.UploadedById);
        Assert.Equal(SampleFiles.Pdf("Civil ruling"), await factory.StoredAsync(file.Hash));
    }
}
