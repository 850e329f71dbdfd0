using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Materials;
using Portal.Domain.Materials;
using Portal.Web.Features.Notices;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>A registered enterprise as the deregistration tests know it.</summary>
public sealed record TestEnterprise(long Id, string CreditCode, string Name, string LegalRepresentative, string OwnerId);

/// <summary>
/// The people and the enterprise most deregistration tests start from: the legal representative (who also owns the
/// enterprise in the portal, and whose account a window verified), a window clerk, the 市场监管 reviewer and a supervisor.
/// </summary>
public sealed record DeregistrationWorld(PortalFactory Factory, TestUser Representative, TestUser Window, TestUser Market, TestUser Supervisor, TestEnterprise Enterprise)
{
    public static async Task<DeregistrationWorld> CreateAsync(PortalFactory factory, DateOnly? establishedOn = null)
    {
        var representative = await factory.CreateUserAsync(Roles.Applicant, "张明");
        await factory.VerifyAsync(representative);
        var enterprise = await factory.RegisterEnterpriseAsync(representative, representative, establishedOn: establishedOn);
        return new DeregistrationWorld(
            factory,
            representative,
            await factory.CreateUserAsync(Roles.Window, "窗口受理员"),
            await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员"),
            await factory.CreateUserAsync(Roles.Supervisor, "督查员"),
            enterprise);
    }

    /// <summary>简易注销 started online by the legal representative.</summary>
    public Task<string> StartSimpleAsync() => Factory.SendAs(Representative, DeregistrationSteps.SimpleCommand(Enterprise));

    /// <summary>简易注销 started and accepted by the window: the 20-working-day notice runs.</summary>
    public async Task<string> StartSimpleInNoticeAsync()
    {
        var number = await StartSimpleAsync();
        await AcceptAsync(number);
        return number;
    }

    /// <summary>
    /// The window's 受理 with the version its case page shows. A 普通注销's 清算组成员名单及决议 (required, not 容缺) is
    /// uploaded by the legal representative first when nothing was handed in for it yet.
    /// </summary>
    public async Task AcceptAsync(string number)
    {
        await SupplyLiquidationGroupAsync(number);
        await Factory.ActAsync(Window, number, CaseTrigger.Accept, await Factory.ShownVersionAsync(Window, number));
    }

    /// <summary>The legal representative uploads the 清算组 file of a 普通注销 that has none (nothing for other routes).</summary>
    public async Task SupplyLiquidationGroupAsync(string number)
    {
        var ordinary = DeregistrationService.For(DeregistrationRoute.Ordinary).Code;
        var needed = await Factory.WithDb(async db =>
            await db.Cases.Where(c => c.Number == number && c.ServiceCode == ordinary).Select(c => (long?)c.Id).SingleOrDefaultAsync() is { } id
            && !await db.CaseMaterials.AnyAsync(m => m.CaseId == id && m.Code == MaterialCatalog.LiquidationGroup.Code && m.Status != MaterialStatus.Missing));
        if (needed)
        {
            await Factory.SendAs(Representative, new Upload.Command
            {
                Number = number,
                ItemCode = MaterialCatalog.LiquidationGroup.Code,
                Files = [IncomingFile.FromBytes(MaterialCatalog.LiquidationGroup.Code, "清算组决议.pdf", SampleFiles.Pdf("Liquidation group"))],
            });
        }
    }

    /// <summary>Acts as the given person with the version the case page shows them.</summary>
    public async Task ActAsync(TestUser user, string number, CaseTrigger trigger, string? reason = null) =>
        await Factory.ActAsync(user, number, trigger, await Factory.ShownVersionAsync(user, number), reason);
}

/// <summary>Steps the deregistration tests share.</summary>
public static class DeregistrationSteps
{
    private static long creditSequence = 1000;

    private static int clients;

    /// <summary>The legal representative's ID number as stored on the person's account.</summary>
    public static Task<string> IdNumberOfAsync(this PortalFactory factory, TestUser user) =>
        factory.WithDb(db => db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.IdNumber!).SingleAsync());

    /// <summary>
    /// Inserts an enterprise with its electronic licence (what 企业开办 leaves behind when its case is 办结), owned in the
    /// portal by <paramref name="owner"/>, whose legal representative is <paramref name="representative"/> (real-name match by ID number).
    /// </summary>
    public static async Task<TestEnterprise> RegisterEnterpriseAsync(
        this PortalFactory factory,
        TestUser owner,
        TestUser representative,
        string name = "枣庄青禾科技有限公司",
        DateOnly? establishedOn = null)
    {
        var idNumber = await factory.IdNumberOfAsync(representative);
        var code = CreditCodes.Issue(EnterpriseType.LimitedLiability, "370402", Interlocked.Increment(ref creditSequence));
        var details = new EstablishmentDetails(name, EnterpriseType.LimitedLiability, 100, "山东省枣庄市市中区光明路1号", "软件开发；信息技术咨询服务",
            representative.Name, idNumber, SealDelivery.PickUp, null);
        var enterprise = Enterprise.Register(code, details, owner.Id, 0, establishedOn ?? new DateOnly(2024, 3, 1), factory.Time.GetUtcNow().UtcDateTime);
        await factory.WithDb(async db =>
        {
            db.Enterprises.Add(enterprise);
            return await db.SaveChangesAsync();
        });
        return new TestEnterprise(enterprise.Id, code, enterprise.Name, enterprise.LegalRepresentative, owner.Id);
    }

    /// <summary>
    /// Registers an enterprise the real way: the applicant (张明, made the legal representative of the form by their
    /// ID number, and verified at a window) submits 企业开办 with registration only, and the 市场监管 reviewer completes
    /// it — the licence is issued.
    /// </summary>
    public static async Task<(TestUser Representative, TestEnterprise Enterprise)> RegisterThroughEstablishmentAsync(this PortalFactory factory)
    {
        var representative = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant, "张明"));
        var result = await factory.SubmitAsync(representative, EstablishmentSteps.ValidForm("枣庄青禾科技有限公司", "tech", "software") with { SynchronousItems = [] });
        await new Reviewers(factory).CompleteAllAsync(result.Number);
        var c = await factory.LoadCaseAsync(result.Number);
        Assert.Equal(CaseState.Completed, c.State);
        var enterprise = await factory.WithDb(db => db.Enterprises.AsNoTracking().SingleAsync(e => e.CaseId == c.Id));
        Assert.Equal(EstablishmentSteps.LegalRepresentativeId, enterprise.LegalRepresentativeIdNumber);
        return (representative, new TestEnterprise(enterprise.Id, enterprise.CreditCode, enterprise.Name, enterprise.LegalRepresentative, enterprise.OwnerId));
    }

    /// <summary>A complete 简易注销 application: every self-check condition, the commitment accepted and signed by the legal representative.</summary>
    public static Start.Command SimpleCommand(TestEnterprise enterprise) => new()
    {
        CreditCode = enterprise.CreditCode,
        Route = DeregistrationRoute.Simple,
        Conditions = SimpleDeregistrationRules.Conditions.Select(c => c.Code).ToList(),
        CommitmentAccepted = true,
        SignedName = enterprise.LegalRepresentative,
    };

    /// <summary>A complete 普通注销 application with the liquidation group formed on <paramref name="formedOn"/>.</summary>
    public static Start.Command OrdinaryCommand(TestEnterprise enterprise, DateOnly formedOn) => new()
    {
        CreditCode = enterprise.CreditCode,
        Route = DeregistrationRoute.Ordinary,
        DissolutionReason = "股东会决议解散",
        LiquidationHead = "张明",
        LiquidationGroup = "张明、李华",
        FormedOn = formedOn,
    };

    /// <summary>The 依据文书 a supervisor uploads when starting a 依职权注销.</summary>
    public static IReadOnlyList<IncomingFile> Basis => [IncomingFile.FromBytes(MaterialCatalog.AuthorityBasis.Code, "民事裁定书.pdf", SampleFiles.Pdf("Civil ruling"))];

    /// <summary>One run of the deadline sweep at the factory's current time.</summary>
    public static Task<int> SweepAsync(this PortalFactory factory) =>
        factory.Services.GetRequiredService<DeadlineSweeper>().SweepOnceAsync(CancellationToken.None);

    /// <summary>An objection or claim filed by a member of the public, through MediatR, from its own client address.</summary>
    public static Task<string> FileAsync(this PortalFactory factory, string number, string name = "王五", string contact = "13912345678", string content = "该企业尚欠我公司货款未结清，不符合简易注销条件。", decimal? amount = null, string? key = null) =>
        factory.SendAs(null, new FileResponse.Command
        {
            Number = number,
            Client = $"198.51.100.{Interlocked.Increment(ref clients) % 250}",
            Name = name,
            Contact = contact,
            Content = content,
            Amount = amount,
            SubmissionKey = key ?? Guid.NewGuid().ToString("N"),
        });

    public static Task<DeregistrationApplication> ApplicationAsync(this PortalFactory factory, string number) =>
        factory.WithDb(db => db.Deregistrations.AsNoTracking().Include(d => d.Responses).Include(d => d.Shares).AsSplitQuery()
            .SingleAsync(d => d.CaseNumber == number));

    public static Task<Enterprise> EnterpriseAsync(this PortalFactory factory, string creditCode) =>
        factory.WithDb(db => db.Enterprises.AsNoTracking().SingleAsync(e => e.CreditCode == creditCode));

    /// <summary>Counts of what a deregistration start writes, to prove a refused one wrote nothing.</summary>
    public static Task<(int Cases, int Deregistrations)> DeregistrationCountsAsync(this PortalFactory factory) =>
        factory.WithDb(async db => (
            await db.Cases.CountAsync(c => c.ServiceCode.StartsWith("deregistration-")),
            await db.Deregistrations.CountAsync()));

    public static Task<int> ResponseCountAsync(this PortalFactory factory) => factory.WithDb(db => db.NoticeResponses.CountAsync());

    /// <summary>The history notes (not steps) of a case with the given label.</summary>
    public static async Task<List<CaseEvent>> NotesAsync(this PortalFactory factory, string number, string label) =>
        (await factory.HistoryAsync(number)).Where(e => e.Action == Case.NoteAction && e.ActionLabel == label).ToList();

    /// <summary>The text typed into a textarea of a page as the browser shows it (HTML-decoded).</summary>
    /// (Razor writes a newline after the opening tag of a textarea; the HTML parser drops it, as the browser does.)
    public static string? TextArea(this HttpPage page, string name) => page.Html.TextAreaValue(name);

    /// <summary>The public objection (or claim) form of a notice, fetched by an anonymous visitor.</summary>
    public static async Task<HttpPage> NoticeFormAsync(this HttpSession session, string number)
    {
        var page = await session.GetAsync($"/Notices/{number}");
        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.NotNull(page.Token());
        Assert.False(string.IsNullOrEmpty(page.InputValue("Data.SubmissionKey")), "the form carries no one-time submission key");
        return page;
    }

    /// <summary>Posts the objection form of a notice page with the visitor's fields.</summary>
    public static Task<HttpPage> PostObjectionAsync(this HttpSession session, HttpPage form, string name, string contact, string content, string? amount = null)
    {
        var fields = new List<(string, string)> { ("Data.Name", name), ("Data.Contact", contact), ("Data.Content", content) };
        if (amount is not null)
        {
            fields.Add(("Data.Amount", amount));
        }

        return session.SubmitAsync(form, null, [.. fields]);
    }
}
