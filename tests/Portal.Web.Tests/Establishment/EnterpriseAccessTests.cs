using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Enterprises;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>
/// Who may see an establishment case and its enterprise, and 单独办理 of later items on an enterprise (by its verified
/// legal representative; the owner who is not, an impostor and agents: tests/Portal.Web.Tests/Identity).
/// </summary>
public sealed class EnterpriseAccessTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Another_applicant_can_neither_see_the_case_nor_the_enterprise_nor_start_an_item_on_it(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var b = await factory.CreateUserAsync(Roles.Applicant);
        var (number, code) = await RegisterAsync(factory, a);

        await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(b, new CaseView.Query { Number = number }));
        var page = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(b, new EnterpriseView.Query { CreditCode = code }));
        var start = await Assert.ThrowsAsync<NotFoundException>(() => factory.SendAs(b, new StartLater.Command { CreditCode = code, Item = "tax" }));

        Assert.Equal("未找到该企业，或该企业不属于您。", page.Message);
        Assert.Equal(page.Message, start.Message);
        Assert.Equal(0, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == code)));
        Assert.Empty(await factory.SendAs(b, new MyCases.Query()));
        // The owner sees both.
        Assert.Equal(number, (await factory.SendAs(a, new CaseView.Query { Number = number })).Number);
        Assert.Equal(code, (await factory.SendAs(a, new EnterpriseView.Query { CreditCode = code })).Enterprise.CreditCode);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Tax_reviewer_cannot_submit_an_establishment_application(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            factory.SubmitAsync(tax, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech")));

        Assert.Equal((0, 0, 0, 0), await factory.StoredCountsAsync());
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Legal_representative_starts_tax_later_as_an_addon_case_accepted_at_once_that_the_tax_reviewer_completes(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant, "张明"));
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var (_, code) = await RegisterAsync(factory, applicant);
        factory.Time.SetChina(2026, 11, 23, 15);

        var number = await factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = "tax" });

        Assert.Matches(@"^QYDB-20261123-\d{6}$", number);
        var addon = await factory.CaseWithItemsAsync(number);
        Assert.Equal("addon-tax", addon.ServiceCode);
        Assert.Equal(code, addon.SubjectCode);
        Assert.Equal(applicant.Id, addon.ApplicantId);
        Assert.Equal(CaseState.InProgress, addon.State);
        Assert.Equal(Department.Tax.ReviewerRole(), addon.HolderRole);
        Assert.Single(addon.History, e => e.Action == nameof(CaseTrigger.AutoAccept));
        // Mon 15:00 + 1 working day (枣庄市's 企业开办 limit, the portal's default; 000 sets none) = end of Tuesday, 17:00.
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 17), addon.StepDueAt);
        var item = Assert.Single(addon.SubItems);
        Assert.Equal("tax", item.Code);
        Assert.Equal(Department.Tax, item.Department);
        Assert.True(item.Synchronous);
        Assert.Equal(SubItemState.Waiting, item.State);
        Assert.Equal(addon.StepDueAt, item.DueAt);

        var page = await factory.SendAs(applicant, new EnterpriseView.Query { CreditCode = code });
        var later = Assert.Single(page.LaterItems, i => i.Code == "tax");
        Assert.Equal(number, later.CaseNumber);
        Assert.Equal(CaseState.InProgress.Label(), later.CaseState);

        var again = await Assert.ThrowsAsync<RuleViolationException>(() =>
            factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = "tax" }));
        Assert.Contains("“涉税办理”已在办理中", again.Message);
        Assert.Equal(1, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == code)));

        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Start);
        await factory.ItemActAsync(tax, number, "tax", SubItemTrigger.Complete);

        var done = await factory.CaseWithItemsAsync(number);
        Assert.Equal(CaseState.Completed, done.State);
        Assert.Equal(SubItemState.Done, Assert.Single(done.SubItems).State);
        Assert.Equal(CaseActor.System.UserId, done.History.Single(e => e.Action == nameof(CaseTrigger.Complete)).ActorId);
        // An addon case issues no second licence.
        Assert.Equal(1, await factory.WithDb(db => db.Enterprises.CountAsync()));
        // Once finished, the item may be started again.
        var next = await factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = "tax" });
        Assert.NotEqual(number, next);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Registration_cannot_be_started_later_on_its_own(Provider provider)
    {
        // Asked by the one person who may start 单独办理 (the verified legal representative), so that only the item is wrong.
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var (_, code) = await RegisterAsync(factory, applicant);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = EstablishmentCatalog.Registration }));

        Assert.Equal("请选择可单独办理的事项。", Assert.Single(refused.Errors).Message);
        Assert.Equal(0, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == code)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Seal_making_chosen_for_later_can_be_started_on_the_enterprise(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var (_, code) = await RegisterAsync(factory, applicant);
        var page = await factory.SendAs(applicant, new EnterpriseView.Query { CreditCode = code });
        Assert.Contains(page.LaterItems, i => i.Code == "seal");

        var number = await factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = "seal" });

        var addon = await factory.CaseWithItemsAsync(number);
        Assert.Equal("addon-seal", addon.ServiceCode);
        Assert.Equal(Department.Police, Assert.Single(addon.SubItems).Department);
        Assert.Equal(CaseState.InProgress, addon.State);
    }

    /// <summary>
    /// 印章刻制 is not a 随时可办 item: it can be started on its own only when it was chosen 单独办理 (docs/decisions/0004).
    /// The enterprise page offers no button for it once it was done with the establishment; the command must refuse too,
    /// or a direct POST gets a second free set of seals.
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Seal_making_done_with_the_establishment_cannot_be_started_again_on_its_own(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var reviewers = new Reviewers(factory);
        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech") with { SynchronousItems = ["seal"] });
        await reviewers.CompleteAllAsync(result.Number);
        var code = await factory.WithDb(db => db.Enterprises.Select(e => e.CreditCode).SingleAsync());
        var page = await factory.SendAs(applicant, new EnterpriseView.Query { CreditCode = code });
        Assert.DoesNotContain(page.LaterItems, i => i.Code == "seal");

        var failure = await Scenario.Outcome(() => factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = "seal" }));

        Assert.True(failure is RuleViolationException or ValidationFailedException, $"expected a refusal, got {failure?.GetType().Name ?? "a new case"}");
        Assert.Equal(0, await factory.WithDb(db => db.Cases.CountAsync(c => c.SubjectCode == code)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Starting_the_same_later_item_twice_at_the_same_moment_opens_one_case(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var (_, code) = await RegisterAsync(factory, applicant);

        using var start = new SemaphoreSlim(0, 2);
        var attempts = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SendAs(applicant, new StartLater.Command { CreditCode = code, Item = "tax" }));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        var open = await factory.WithDb(db => db.Cases.AsNoTracking()
            .Where(c => c.SubjectCode == code && c.ServiceCode == "addon-tax" && c.ClosedAt == null)
            .Select(c => c.Number).ToListAsync());
        Assert.True(open.Count == 1, $"“涉税办理”has {open.Count} open cases: {string.Join(", ", open)}");
        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is RuleViolationException or ConflictException or ValidationFailedException);
    }

    /// <summary>Registers an enterprise for the applicant: registration only (the other items later), done by the Market reviewer.</summary>
    private static async Task<(string Number, string CreditCode)> RegisterAsync(PortalFactory factory, TestUser applicant)
    {
        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech", "software") with { SynchronousItems = [] });
        await new Reviewers(factory).CompleteAllAsync(result.Number);
        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(CaseState.Completed, c.State);
        var code = await factory.WithDb(db => db.Enterprises.Where(e => e.CaseId == c.Id).Select(e => e.CreditCode).SingleAsync());
        return (result.Number, code);
    }
}
