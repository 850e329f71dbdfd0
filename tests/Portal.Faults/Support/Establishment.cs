using System.Globalization;
using Portal.Domain.Identity;
using Portal.Domain.Materials;
using Portal.Testing;

namespace Portal.Faults.Support;

/// <summary>What became of one 企业开办 submission posted over HTTP.</summary>
public sealed record Submission(int Index, string Name, string? Number, int? Status, string? Error, DateTime StartedAt, DateTime EndedAt)
{
    /// <summary>Acknowledged: the answer was the 302 to the new case's page.</summary>
    public bool Confirmed => Number is not null;

    /// <summary>No answer at all: the connection broke (the process died while the request was in flight).</summary>
    public bool CutOff => Status is null;
}

/// <summary>
/// An applicant's browser, signed in, holding the antiforgery token of the 一表申请 page; <paramref name="Verified"/> is the
/// account's verified name and ID number when it has them (the demo 张明), so that its 即报即得 forms name it as the
/// legal representative.
/// </summary>
public sealed record Applicant(string UserName, WebSession Session, string Token, (string Name, string IdNumber)? Verified = null);

/// <summary>The 企业开办 一表申请 as a browser posts it (field prefix <c>Data.</c>), with unique names and valid 身份证号.</summary>
public static class Establishment
{
    public const string SubmitPath = "/Establishment/Apply?handler=Submit";

    /// <summary>Every optional item except 职工就业登记, as the blank form ticks them.</summary>
    private static readonly string[] SynchronousItems = ["seal", "tax", "social-insurance", "medical-insurance", "housing-fund", "bank-account"];

    /// <summary>A unique company name: "枣庄{marker}{index}科技有限公司" (the marker tells the test's cases from the demo data's).</summary>
    public static string NameOf(string marker, int index) => $"枣庄{marker}{index.ToString("D4", CultureInfo.InvariantCulture)}科技有限公司";

    /// <summary>A valid 18-character 居民身份证号 (GB 11643 check character) that differs for every seed.</summary>
    public static string IdNumber(int seed)
    {
        var birth = new DateOnly(1970, 1, 1).AddDays(seed % 12000);
        return ResidentIdNumber.Create($"370402{birth:yyyyMMdd}{seed % 1000:D3}");
    }

    /// <summary>The demo accounts whose name and ID number a window has verified (Setup/Seeding/DemoData).</summary>
    private static readonly Dictionary<string, (string Name, string IdNumber)> VerifiedDemoAccounts = new()
    {
        ["13800000001"] = ("张明", "370402199001010016"),
    };

    /// <summary>
    /// The complete, valid form of submission <paramref name="index"/>: one to three investors whose shares sum to 100,
    /// and a business scope that needs a permit (the case waits for the window) or, for every fourth, one that does
    /// not — accepted by the system at once (即报即得) when <paramref name="verified"/> (the filer's verified name and ID
    /// number) makes the filer the form's legal representative, else waiting for the window — all kinds are written.
    /// </summary>
    public static List<(string Name, string Value)> Form(string token, string marker, int index, (string Name, string IdNumber)? verified = null)
    {
        var instantScope = IsInstantScope(index);
        var legalName = instantScope && verified is { } own ? own.Name : "张明";
        var legal = instantScope && verified is { } me ? me.IdNumber : IdNumber(index * 3);
        var fields = new List<(string, string)>
        {
            ("__RequestVerificationToken", token),
            ("Data.ProposedName", NameOf(marker, index)),
            ("Data.Type", "LimitedLiability"),
            ("Data.RegisteredCapital", (50 + index % 200).ToString(CultureInfo.InvariantCulture)),
            ("Data.Address", $"山东省枣庄市市中区光明路{index + 1}号"),
        };
        fields.AddRange(ScopeOf(index).Select(s => ("Data.ScopeCodes", s)));
        fields.Add(("Data.OtherScope", ""));
        fields.Add(("Data.LegalRepresentative", legalName));
        fields.Add(("Data.LegalRepresentativeIdNumber", legal));
        (string Name, string Id, string Share)[] investors = (index % 3) switch
        {
            0 => [(legalName, legal, "100")],
            1 => [(legalName, legal, "60"), ("李华", IdNumber(index * 3 + 1), "40")],
            _ => [(legalName, legal, "50"), ("李华", IdNumber(index * 3 + 1), "30.5"), ("王芳", IdNumber(index * 3 + 2), "19.5")],
        };
        for (var row = 0; row < 5; row++)
        {
            var investor = row < investors.Length ? investors[row] : (Name: "", Id: "", Share: "");
            fields.Add(($"Data.Investors[{row}].Name", investor.Name));
            fields.Add(($"Data.Investors[{row}].IdentityNumber", investor.Id));
            fields.Add(($"Data.Investors[{row}].SharePercent", investor.Share));
        }

        fields.AddRange(SynchronousItems.Select(i => ("Data.SynchronousItems", i)));
        fields.Add(("Data.SealDelivery", "PickUp"));
        fields.Add(("Data.SealMailAddress", ""));
        fields.Add(("Data.ContactName", "张明"));
        fields.Add(("Data.ContactPhone", $"139{10000000 + index:D8}"));
        return fields;
    }

    /// <summary>Every fourth submission has a scope that needs no permit (它可即报即得); the others need one.</summary>
    private static bool IsInstantScope(int index) => index % 4 == 0;

    private static string[] ScopeOf(int index) => IsInstantScope(index) ? ["tech", "software"] : ["catering", "daily-goods"];

    /// <summary>
    /// The files the applicant chooses on the form of submission <paramref name="index"/>: a PDF for every required
    /// upload line of its list (the 住所（经营场所）使用证明, and the catering lines when its scope has them), under the
    /// file input's name <c>material:{code}</c>, so the case has what 即报即得 and the window's 受理 ask for.
    /// </summary>
    public static List<(string Name, string FileName, byte[] Content, string MediaType)> Files(int index) =>
        MaterialCatalog.ForEstablishment(ScopeOf(index), SynchronousItems)
            .Where(r => r.IsUpload && r.Required)
            .Select(r => ($"material:{r.Code}", $"{r.Name}.pdf", SampleFiles.Pdf(r.Code), "application/pdf"))
            .ToList();

    /// <summary>Posts submission <paramref name="index"/> as the browser does: its fields and its files, multipart.</summary>
    public static Task<WebAnswer> PostAsync(Applicant applicant, string marker, int index, CancellationToken cancellationToken = default) =>
        applicant.Session.PostMultipartAsync(SubmitPath, Form(applicant.Token, marker, index, applicant.Verified), Files(index), cancellationToken);

    /// <summary>Signs in (or first registers) an applicant and reads the antiforgery token of the 一表申请 page.</summary>
    public static async Task<Applicant> ApplicantAsync(string baseUrl, string userName, (string FullName, string IdNumber)? register = null)
    {
        var session = new WebSession(baseUrl);
        if (register is { } r)
        {
            await session.RegisterAsync(r.FullName, r.IdNumber, userName);
        }
        else
        {
            await session.SignInAsync(userName);
        }

        return new Applicant(userName, session, await TokenAsync(session), register is null && VerifiedDemoAccounts.TryGetValue(userName, out var verified) ? verified : null);
    }

    public static async Task<string> TokenAsync(WebSession session)
    {
        var page = await session.GetAsync("/Establishment/Apply");
        Assert.True(page.Status == 200, $"the 一表申请 page answered {page.Status}: {page.Text}");
        return page.Form().Hidden.Single(h => h.Name == WebSession.TokenField).Value;
    }

    /// <summary>Posts submission <paramref name="index"/>; never throws for a broken connection (that is an outcome).</summary>
    public static async Task<Submission> SubmitAsync(Applicant applicant, string marker, int index, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        try
        {
            var answer = await PostAsync(applicant, marker, index, cancellationToken);
            return new Submission(index, NameOf(marker, index), answer.CaseNumber, answer.Status, answer.CaseNumber is null ? answer.Text : null, started, DateTime.UtcNow);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return new Submission(index, NameOf(marker, index), null, null, ex.GetType().Name + ": " + ex.Message, started, DateTime.UtcNow);
        }
    }
}
