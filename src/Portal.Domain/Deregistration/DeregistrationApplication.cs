using Portal.Domain.Organisation;

namespace Portal.Domain.Deregistration;

/// <summary>
/// One deregistration application (注销申请) of one enterprise, kept beside its case: what the applicant declared
/// and signed, the public notice it runs, the objections and claims filed against it, and — after
/// cancellation — which departments have confirmed the shared result.
/// </summary>
public class DeregistrationApplication
{
    private DeregistrationApplication()
    {
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public long EnterpriseId { get; private set; }

    public string CreditCode { get; private set; } = "";

    public string EnterpriseName { get; private set; } = "";

    public DeregistrationRoute Route { get; private set; }

    /// <summary>简易注销: the self-check conditions the applicant confirmed (codes, comma separated).</summary>
    public string? ConfirmedConditions { get; private set; }

    /// <summary>The name typed under the 承诺书 (must be the legal representative's).</summary>
    public string? CommitmentSignedBy { get; private set; }

    public DateTime? CommitmentSignedAt { get; private set; }

    /// <summary>普通注销: why the enterprise dissolves.</summary>
    public string? DissolutionReason { get; private set; }

    public string? LiquidationGroup { get; private set; }

    public string? LiquidationHead { get; private set; }

    /// <summary>清算组成立之日 (local midnight as UTC): the 10- and 60-day limits count from it.</summary>
    public DateTime? GroupFormedAt { get; private set; }

    /// <summary>代位注销 / 除名: the legal basis and reason the supervisor recorded.</summary>
    public string? AuthorityReason { get; private set; }

    /// <summary>The running or last public notice (简易注销公告 or 债权人公告).</summary>
    public DateTime? NoticeStartsAt { get; private set; }

    public DateTime? NoticeEndsAt { get; private set; }

    public string? NoticeText { get; private set; }

    /// <summary>How many times the final review returned the application for correction (容错).</summary>
    public int Corrections { get; private set; }

    public string? TerminationReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public long Version { get; private set; }

    public List<NoticeResponse> Responses { get; private set; } = [];

    public List<CancellationShare> Shares { get; private set; } = [];

    public int OpenObjections => Responses.Count(r => r.Kind == NoticeResponseKind.Objection && r.Decision == NoticeDecision.Pending);

    public bool InNotice(DateTime nowUtc) => NoticeStartsAt is { } start && NoticeEndsAt is { } end && nowUtc >= start && nowUtc <= end;

    public void BumpVersion() => Version++;

    public static DeregistrationApplication Simple(long enterpriseId, string creditCode, string enterpriseName, IEnumerable<string> conditions, string signedBy, DateTime nowUtc) => new()
    {
        EnterpriseId = enterpriseId,
        CreditCode = creditCode,
        EnterpriseName = enterpriseName,
        Route = DeregistrationRoute.Simple,
        ConfirmedConditions = string.Join(',', conditions),
        CommitmentSignedBy = signedBy,
        CommitmentSignedAt = nowUtc,
        CreatedAt = nowUtc,
    };

    public static DeregistrationApplication Ordinary(
        long enterpriseId,
        string creditCode,
        string enterpriseName,
        string dissolutionReason,
        string liquidationHead,
        string liquidationGroup,
        DateTime groupFormedAtUtc,
        DateTime nowUtc) => new()
        {
            EnterpriseId = enterpriseId,
            CreditCode = creditCode,
            EnterpriseName = enterpriseName,
            Route = DeregistrationRoute.Ordinary,
            DissolutionReason = dissolutionReason,
            LiquidationHead = liquidationHead,
            LiquidationGroup = liquidationGroup,
            GroupFormedAt = groupFormedAtUtc,
            CreatedAt = nowUtc,
        };

    public static DeregistrationApplication ByAuthority(long enterpriseId, string creditCode, string enterpriseName, DeregistrationRoute route, string reason, DateTime nowUtc) =>
        route.IsByAuthority()
            ? new()
            {
                EnterpriseId = enterpriseId,
                CreditCode = creditCode,
                EnterpriseName = enterpriseName,
                Route = route,
                AuthorityReason = reason,
                CreatedAt = nowUtc,
            }
            : throw new ArgumentOutOfRangeException(nameof(route));

    public void AttachTo(long caseId, string caseNumber)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
    }

    /// <summary>A notice period began (公示期 or 债权申报期): its end is the step's stored deadline.</summary>
    public void OpenNotice(DateTime startUtc, DateTime endUtc, string? text)
    {
        NoticeStartsAt = startUtc;
        NoticeEndsAt = endUtc;
        NoticeText = text;
    }

    internal void CountCorrection() => Corrections++;

    public void Terminate(string reason) => TerminationReason = reason;

    /// <summary>证照同步注销后信息共享: one confirmation item per department (000:97, 003:23).</summary>
    public void ShareWith(IEnumerable<Department> departments, DateTime nowUtc)
    {
        foreach (var department in departments.Where(d => Shares.All(s => s.Department != d)))
        {
            Shares.Add(new CancellationShare(this, department, nowUtc));
        }
    }

    /// <summary>The departments the cancellation is shared with: 人社, 医保, 税务, 公积金, 海关, 人民银行 (000:97, 003:23).</summary>
    public static IReadOnlyList<Department> SharedWith { get; } =
        [Department.HumanResources, Department.Medical, Department.Tax, Department.HousingFund, Department.Customs, Department.CentralBank];
}
