using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>The parent case of a 报装 application and its child cases, one per utility.</summary>
public sealed record ConnectionCases(string Parent, IReadOnlyDictionary<Utility, string> Children)
{
    public string this[Utility utility] => Children[utility];
}

/// <summary>
/// The people most 报装 tests start from: the applicant (an enterprise's contact), a window clerk, and the staff of
/// each utility company (reviewer roles Reviewer.Power, Reviewer.Water …).
/// </summary>
public sealed record ConnectionWorld(PortalFactory Factory, TestUser Applicant, TestUser Window, TestUser Power, TestUser Water, TestUser Gas)
{
    public static async Task<ConnectionWorld> CreateAsync(PortalFactory factory) => new(
        factory,
        await factory.CreateUserAsync(Roles.Applicant, "张明"),
        await factory.CreateUserAsync(Roles.Window, "窗口受理员"),
        await factory.CreateUserAsync(Utility.Power.Department().ReviewerRole(), "供电客户经理"),
        await factory.CreateUserAsync(Utility.Water.Department().ReviewerRole(), "供水客户经理"),
        await factory.CreateUserAsync(Utility.Gas.Department().ReviewerRole(), "燃气客户经理"));

    /// <summary>The staff member of a utility company.</summary>
    public TestUser StaffOf(Utility utility) => utility switch
    {
        Utility.Power => Power,
        Utility.Water => Water,
        Utility.Gas => Gas,
        _ => throw new ArgumentOutOfRangeException(nameof(utility)),
    };

    /// <summary>Submits the application as the applicant and returns the parent case and its children.</summary>
    public async Task<ConnectionCases> SubmitAsync(Submit.Command command)
    {
        var parent = await Factory.SendAs(Applicant, command);
        return await Factory.ConnectionCasesAsync(parent);
    }

    /// <summary>联合报装 of power (“三零”, 120 kW low voltage, 150 m line) and water (80 m pipe, DN50) for an enterprise.</summary>
    public Task<ConnectionCases> SubmitJointAsync() => SubmitAsync(ConnectionSteps.Joint());

    /// <summary>Acts as the given person with the version the case page shows them.</summary>
    public async Task ActAsync(TestUser user, string number, CaseTrigger trigger, string? reason = null) =>
        await Factory.ActAsync(user, number, trigger, await Factory.ShownVersionAsync(user, number), reason);

    /// <summary>
    /// Schedules the (joint) survey with the application's current version (what a freshly loaded survey form
    /// carries; read from the database so that this step does not depend on the child case's panel).
    /// </summary>
    public async Task ScheduleSurveyAsync(TestUser user, string number, DateOnly date, TimeOnly time) =>
        await Factory.SendAs(user, new ScheduleSurvey.Command
        {
            Number = number,
            Date = date,
            Time = time,
            ExpectedVersion = await Factory.ApplicationVersionAsync(number),
        });

    /// <summary>The utility signs the contract through its signing form: the terms the form suggests, then 电子签章.</summary>
    public async Task SignAsync(TestUser staff, string child)
    {
        var draft = await Factory.SendAs(staff, new ContractDraft.Query { Number = child });
        await Factory.SendAs(staff, new SignContract.Command
        {
            Number = child,
            Capacity = draft.Suggested.Capacity,
            Price = draft.Suggested.Price,
            UtilityDuties = draft.Suggested.UtilityDuties,
            CustomerDuties = draft.Suggested.CustomerDuties,
            ExpectedVersion = draft.Version,
        });
    }

    /// <summary>Runs one child from its survey (already scheduled and passed) to 装表接通: findings, contract on both sides, connection.</summary>
    public async Task RunChildToConnectedAsync(Utility utility, string child, string findings)
    {
        var staff = StaffOf(utility);
        await ActAsync(staff, child, CaseTrigger.RecordSurvey, findings);
        await SignAsync(staff, child);
        await ActAsync(Applicant, child, CaseTrigger.ConfirmContract);
        await ActAsync(staff, child, CaseTrigger.Connect);
    }
}

/// <summary>Steps and data the 报装 tests share.</summary>
public static class ConnectionSteps
{
    public const string Address = "山东省枣庄市市中区光明路88号";

    public const string EnterpriseName = "枣庄青禾科技有限公司";

    /// <summary>Low voltage 120 kW with a 150 m line, “三零” service, no interested party: power-sanling (000:177).</summary>
    public static TechnicalData SanLingPower => new()
    {
        CapacityKw = 120,
        Voltage = VoltageLevel.Low,
        ExternalWorks = true,
        LineLengthM = 150,
        SanLing = true,
        NoInterestedParty = true,
    };

    /// <summary>Water with an 80 m pipe, diameter 50 mm: 150米以下 承诺备案 (water-filing).</summary>
    public static TechnicalData FilingWater => new() { ExternalWorks = true, PipeLengthM = 80, DiameterMm = 50 };

    public static TechnicalData SomeGas => new() { GasCubicMetresPerMonth = 500 };

    /// <summary>A valid enterprise application for the given utilities (data for power, water and gas filled in).</summary>
    public static Submit.Command Application(params Utility[] utilities) => new()
    {
        Customer = CustomerKind.Enterprise,
        EnterpriseName = EnterpriseName,
        Address = Address,
        Purpose = "生产、办公",
        Utilities = [.. utilities],
        Power = SanLingPower,
        Water = FilingWater,
        Gas = SomeGas,
    };

    public static Submit.Command Joint() => Application(Utility.Power, Utility.Water);

    /// <summary>A valid unified social credit code (computed check character), and the same code with a wrong one.</summary>
    public static string ValidCreditCode { get; } = "91370402MA3C12345" + Portal.Domain.Identity.UnifiedSocialCreditCode.ComputeCheckChar("91370402MA3C12345");

    public static string WrongChecksumCreditCode { get; } =
        ValidCreditCode[..17] + Portal.Domain.Identity.UnifiedSocialCreditCode.Alphabet.First(c => c != ValidCreditCode[17]);

    /// <summary>The parent case of an application and its children, read from the database.</summary>
    public static Task<ConnectionCases> ConnectionCasesAsync(this PortalFactory factory, string parent) =>
        factory.WithDb(async db =>
        {
            var children = await db.UtilityRequests.AsNoTracking()
                .Where(r => r.Application.CaseNumber == parent)
                .Select(r => new { r.Utility, r.CaseNumber })
                .ToListAsync();
            return new ConnectionCases(parent, children.ToDictionary(c => c.Utility, c => c.CaseNumber));
        });

    /// <summary>The stored version of the application a parent or child case belongs to.</summary>
    public static Task<long> ApplicationVersionAsync(this PortalFactory factory, string number) =>
        factory.WithDb(db => db.ConnectionApplications.AsNoTracking()
            .Where(a => a.CaseNumber == number || a.Requests.Any(r => r.CaseNumber == number))
            .Select(a => a.Version)
            .SingleAsync());

    public static Task<UtilityRequest> RequestAsync(this PortalFactory factory, string childNumber) =>
        factory.WithDb(db => db.UtilityRequests.AsNoTracking().Include(r => r.Application).SingleAsync(r => r.CaseNumber == childNumber));

    /// <summary>Counts of what a 报装 submission writes, to prove a refused one wrote nothing.</summary>
    public static Task<(int Cases, int Applications, int Requests, int Events)> ConnectionCountsAsync(this PortalFactory factory) =>
        factory.WithDb(async db => (
            await db.Cases.CountAsync(c => c.ServiceCode.StartsWith(ConnectionService.ParentCode)),
            await db.ConnectionApplications.CountAsync(),
            await db.UtilityRequests.CountAsync(),
            await db.CaseEvents.CountAsync()));

    public static async Task<List<CaseEvent>> NotesAsync(this PortalFactory factory, string number) =>
        (await factory.HistoryAsync(number)).Where(Case.IsNote).ToList();

    /// <summary>GET of a utility's feed with the given key (none when null) and the cursor of a previous page (its next).</summary>
    public static async Task<FeedAnswer> FeedAsync(this HttpClient client, string utility, string? key, string? since = null)
    {
        var url = $"/api/utilities/{utility}/requests" + (since is null ? "" : "?after=" + Uri.EscapeDataString(since));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Add(UtilityFeed.KeyHeader, key);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new FeedAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}

/// <summary>One answer of the utilities' feed.</summary>
public sealed record FeedAnswer(HttpStatusCode Status, string? MediaType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<JsonElement> Items => [.. Json.GetProperty("items").EnumerateArray()];

    /// <summary>The cursor of the page as sent (to pass back as after).</summary>
    public string Until => Json.GetProperty("next").GetString()!;

    public bool HasMore => Json.GetProperty("hasMore").GetBoolean();

    public IReadOnlyList<string> Numbers => [.. Items.Select(i => i.GetProperty("number").GetString()!)];

    public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;

    public override string ToString() => $"{(int)Status} {Body}";
}
