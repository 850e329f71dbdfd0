using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>保存草稿 and its reuse on submission.</summary>
public sealed class DraftTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Saved_draft_comes_back_with_the_same_values(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var form = Typed();

        await factory.SendAs(applicant, new SaveDraft.Command { Form = form });
        var draft = await factory.SendAs(applicant, new Draft.Query());

        Assert.NotNull(draft);
        Assert.Equal(form.ProposedName, draft.ProposedName);
        Assert.Equal(form.Type, draft.Type);
        Assert.Equal(form.RegisteredCapital, draft.RegisteredCapital);
        Assert.Equal(form.Address, draft.Address);
        Assert.Equal(form.ScopeCodes, draft.ScopeCodes);
        Assert.Equal(form.OtherScope, draft.OtherScope);
        Assert.Equal(form.LegalRepresentative, draft.LegalRepresentative);
        Assert.Equal(form.LegalRepresentativeIdNumber, draft.LegalRepresentativeIdNumber);
        Assert.Equal(form.ContactName, draft.ContactName);
        Assert.True(string.IsNullOrEmpty(draft.ContactPhone));
        Assert.Equal(form.SealDelivery, draft.SealDelivery);
        Assert.Equal(form.SealMailAddress, draft.SealMailAddress);
        // Registration is always 同步, so the draft remembers it even though the form did not tick it.
        Assert.Equal(["registration", "seal", "tax"], draft.SynchronousItems.Order(StringComparer.Ordinal));
        Assert.Equal(EstablishmentForm.InvestorRows, draft.Investors.Count);
        Assert.Equal(form.FilledInvestors, draft.FilledInvestors);
        // Someone else has no draft.
        var other = await factory.CreateUserAsync(Roles.Applicant);
        Assert.Null(await factory.SendAs(other, new Draft.Query()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Saving_twice_keeps_one_draft_with_the_latest_values(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        await factory.SendAs(applicant, new SaveDraft.Command { Form = Typed() });
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        await factory.SendAs(applicant, new SaveDraft.Command { Form = Typed() with { ProposedName = "枣庄青禾软件有限公司", Investors = [new InvestorRow { Name = "张明", SharePercent = 100 }] } });

        var rows = await factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors).Where(a => a.ApplicantId == applicant.Id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(ApplicationStatus.Draft, row.Status);
        Assert.Equal("枣庄青禾软件有限公司", row.ProposedName);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 5), row.UpdatedAt);
        var investor = Assert.Single(row.Investors);
        Assert.Equal(100m, investor.SharePercent);
        Assert.Equal(0, await factory.WithDb(db => db.NameReservations.CountAsync()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Submitting_after_saving_a_draft_reuses_the_draft_row(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        await factory.SendAs(applicant, new SaveDraft.Command { Form = Typed() });
        var draftId = await factory.WithDb(db => db.EstablishmentApplications.Where(a => a.ApplicantId == applicant.Id).Select(a => a.Id).SingleAsync());
        var draft = await factory.SendAs(applicant, new Draft.Query());
        factory.Time.Advance(TimeSpan.FromMinutes(10));

        var completed = draft! with
        {
            ContactPhone = "13800000001",
            Investors = [new InvestorRow { Name = "张明", IdentityNumber = EstablishmentSteps.LegalRepresentativeId, SharePercent = 100 }],
        };
        var result = await factory.SubmitAsync(applicant, completed);

        var rows = await factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors).Where(a => a.ApplicantId == applicant.Id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(draftId, row.Id);
        Assert.Equal(ApplicationStatus.Submitted, row.Status);
        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(c.Id, row.CaseId);
        Assert.Equal("13800000001", row.ContactPhone);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), row.CreatedAt);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9, 10), row.UpdatedAt);
        var investor = Assert.Single(row.Investors);
        Assert.Equal(EstablishmentSteps.LegalRepresentativeId, investor.IdentityNumber);
        var reservation = await factory.WithDb(db => db.NameReservations.AsNoTracking().SingleAsync());
        Assert.Equal(draftId, reservation.ApplicationId);
        // The draft is used up: the form opens blank next time.
        Assert.Null(await factory.SendAs(applicant, new Draft.Query()));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Window_staff_cannot_keep_drafts(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var window = await factory.CreateUserAsync(Roles.Window);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(window, new SaveDraft.Command { Form = Typed() }));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SendAs(window, new Draft.Query()));
        Assert.Equal(0, await factory.WithDb(db => db.EstablishmentApplications.CountAsync()));
    }

    /// <summary>A half-filled form: no contact phone yet, seals by mail, a free-text scope entry.</summary>
    private static EstablishmentForm Typed() => new()
    {
        ProposedName = "枣庄青禾科技有限公司",
        Type = EnterpriseType.LimitedLiability,
        RegisteredCapital = 50.5m,
        Address = "山东省枣庄市市中区光明路3号",
        ScopeCodes = ["tech", "catering"],
        OtherScope = "花卉销售",
        LegalRepresentative = "张明",
        LegalRepresentativeIdNumber = EstablishmentSteps.LegalRepresentativeId,
        Investors =
        [
            new InvestorRow { Name = "张明", IdentityNumber = EstablishmentSteps.LegalRepresentativeId, SharePercent = 70 },
            new InvestorRow(),
            new InvestorRow { Name = "李华", IdentityNumber = EstablishmentSteps.PartnerId, SharePercent = 30 },
        ],
        ContactName = "张明",
        SealDelivery = SealDelivery.Mail,
        SealMailAddress = "山东省枣庄市市中区光明路3号 张明收",
        SynchronousItems = ["seal", "tax"],
    };
}
