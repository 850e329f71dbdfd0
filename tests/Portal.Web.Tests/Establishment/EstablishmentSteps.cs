using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Materials;
using Portal.Domain.Materials;
using Portal.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>The 企业开办 steps the establishment tests share: a valid form, submitting it, and moving its sub-items.</summary>
public static class EstablishmentSteps
{
    /// <summary>Every optional item except 职工就业登记, as the blank form ticks them.</summary>
    public static readonly string[] UsualSynchronousItems = ["seal", "tax", "social-insurance", "medical-insurance", "housing-fund", "bank-account"];

    public static readonly string LegalRepresentativeId = ResidentIdNumber.Create("37040219850315123");

    public static readonly string PartnerId = ResidentIdNumber.Create("37040219900707456");

    /// <summary>A complete, valid 一表申请 of a limited company with two investors (60% + 40%).</summary>
    public static EstablishmentForm ValidForm(string name, params string[] scope) => new()
    {
        ProposedName = name,
        Type = EnterpriseType.LimitedLiability,
        RegisteredCapital = 100,
        Address = "山东省枣庄市市中区光明路1号",
        ScopeCodes = [.. scope],
        LegalRepresentative = "张明",
        LegalRepresentativeIdNumber = LegalRepresentativeId,
        Investors =
        [
            new InvestorRow { Name = "张明", IdentityNumber = LegalRepresentativeId, SharePercent = 60 },
            new InvestorRow { Name = "李华", IdentityNumber = PartnerId, SharePercent = 40 },
        ],
        ContactName = "张明",
        ContactPhone = "13800000001",
        SynchronousItems = [.. UsualSynchronousItems],
    };

    /// <summary>
    /// Submits the form as the person does on the page: a file for every required upload line of its list (the 住所使用证明,
    /// and what its scope and sub-items add) chosen on the form first, so the case has what 受理 and 即报即得 ask for. <see cref="SubmitWithoutFilesAsync"/> leaves it out.
    /// </summary>
    public static async Task<Submit.Result> SubmitAsync(this PortalFactory factory, TestUser user, EstablishmentForm form)
    {
        var batch = user.Roles.Contains(Roles.Applicant) ? null : Staging.NewBatch();
        if (user.Roles.Contains(Roles.Applicant) || user.Roles.Contains(Roles.Window))
        {
            var refused = await factory.SendAs(user, new StageFiles.Command
            {
                Form = Staging.Establishment,
                Batch = batch,
                Files = MaterialCatalog.ForEstablishment(form.ScopeCodes, form.SynchronousItems).Where(r => r.IsUpload && r.Required)
                    .Select(r => IncomingFile.FromBytes(r.Code, r.Code + ".pdf", SampleFiles.Pdf(r.Code))).ToList(),
            });
            Assert.Empty(refused);
        }

        return await factory.SendAs(user, Submit.Command.From(form) with { UploadBatch = batch });
    }

    /// <summary>Submits the form with no file chosen.</summary>
    public static Task<Submit.Result> SubmitWithoutFilesAsync(this PortalFactory factory, TestUser user, EstablishmentForm form) =>
        factory.SendAs(user, Submit.Command.From(form));

    public static Task<List<SubItem>> SubItemsAsync(this PortalFactory factory, string number) =>
        factory.WithDb(db => db.SubItems.AsNoTracking().Where(i => i.Case.Number == number).OrderBy(i => i.Id).ToListAsync());

    public static async Task<SubItem> SubItemAsync(this PortalFactory factory, string number, string code) =>
        (await factory.SubItemsAsync(number)).Single(i => i.Code == code);

    public static Task<Case> CaseWithItemsAsync(this PortalFactory factory, string number) =>
        factory.WithDb(db => db.Cases.AsNoTracking().Include(c => c.History).Include(c => c.SubItems).AsSplitQuery().SingleAsync(c => c.Number == number));

    public static Task<EstablishmentApplication?> ApplicationOfCaseAsync(this PortalFactory factory, long caseId) =>
        factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors).SingleOrDefaultAsync(a => a.CaseId == caseId));

    /// <summary>
    /// Posts the sub-item form of the case page: the item's version is the one the case page (CaseView) shows
    /// to the person acting.
    /// </summary>
    public static async Task ItemActAsync(this PortalFactory factory, TestUser user, string number, string code, SubItemTrigger trigger, string? reason = null)
    {
        var item = await factory.SubItemAsync(number, code);
        var view = await factory.SendAs(user, new CaseView.Query { Number = number });
        var shown = view.Tracks.Single(t => t.Id == item.Id).Version;
        await factory.SendAs(user, new SubItemAct.Command { Number = number, ItemId = item.Id, Trigger = trigger, Reason = reason, ExpectedVersion = shown });
    }

    /// <summary>Posts the sub-item form with the version stored now (for people who cannot open the case page).</summary>
    public static async Task ItemActWithStoredVersionAsync(this PortalFactory factory, TestUser user, string number, string code, SubItemTrigger trigger, string? reason = null)
    {
        var item = await factory.SubItemAsync(number, code);
        await factory.SendAs(user, new SubItemAct.Command { Number = number, ItemId = item.Id, Trigger = trigger, Reason = reason, ExpectedVersion = item.Version });
    }

    /// <summary>Counts of what a submission writes, to prove a refused one wrote nothing.</summary>
    public static Task<(int Cases, int Applications, int Reservations, int SubItems)> StoredCountsAsync(this PortalFactory factory) =>
        factory.WithDb(async db => (
            await db.Cases.CountAsync(),
            await db.EstablishmentApplications.CountAsync(),
            await db.NameReservations.CountAsync(),
            await db.SubItems.CountAsync()));
}

/// <summary>One back-office reviewer per department, created on first use.</summary>
public sealed class Reviewers(PortalFactory factory)
{
    private readonly Dictionary<Department, TestUser> users = [];

    public async Task<TestUser> OfAsync(Department department)
    {
        if (!users.TryGetValue(department, out var user))
        {
            user = await factory.CreateUserAsync(department.ReviewerRole(), $"{department.Label()}审批员");
            users[department] = user;
        }

        return user;
    }

    /// <summary>Each department's reviewer starts and completes every open 同步 sub-item of the case.</summary>
    public async Task CompleteAllAsync(string number, params string[] except)
    {
        var items = await factory.SubItemsAsync(number);
        foreach (var item in items.Where(i => i.Synchronous && i.IsOpen && !except.Contains(i.Code)))
        {
            var reviewer = await OfAsync(item.Department);
            if (item.State != SubItemState.InProgress)
            {
                await factory.ItemActAsync(reviewer, number, item.Code, SubItemTrigger.Start);
            }

            await factory.ItemActAsync(reviewer, number, item.Code, SubItemTrigger.Complete);
        }
    }
}
