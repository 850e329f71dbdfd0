using Portal.Workflow;

namespace Portal.Domain.Connections;

/// <summary>
/// One utility's part of a 报装 application: the technical data, its classification (kept as shown on
/// submission), survey findings, the supply contract signed by both sides, and the connection.
/// </summary>
public class UtilityRequest
{
    private UtilityRequest()
    {
    }

    public UtilityRequest(ConnectionApplication application, Utility utility, TechnicalData data, Classification classification)
    {
        Application = application;
        Utility = utility;
        Data = data;
        Path = classification.Path;
        PathLabel = classification.Label;
        Rule = classification.Rule;
        Source = classification.Source;
        LimitKey = classification.LimitKey;
        NeedsSurvey = classification.NeedsSurvey;
        NeedsPlanApproval = classification.NeedsPlanApproval;
        ApprovalLimitKey = classification.ApprovalLimitKey;
        Notes = string.Join("\n", classification.Notes);
    }

    public long Id { get; private set; }

    public long ApplicationId { get; private set; }

    public ConnectionApplication Application { get; private set; } = null!;

    public Utility Utility { get; private set; }

    public long CaseId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public TechnicalData Data { get; private set; } = new();

    public string Path { get; private set; } = "";

    public string PathLabel { get; private set; } = "";

    public string Rule { get; private set; } = "";

    public string Source { get; private set; } = "";

    public string LimitKey { get; private set; } = "";

    public bool NeedsSurvey { get; private set; }

    public bool NeedsPlanApproval { get; private set; }

    public string? ApprovalLimitKey { get; private set; }

    public string Notes { get; private set; } = "";

    public string? SurveyFindings { get; private set; }

    /// <summary>供水: the design budget the utility recorded; the enterprise's works fee is 3% below it (002:19).</summary>
    public decimal? DesignBudget { get; private set; }

    public decimal? WorksFee { get; private set; }

    /// <summary>When the plan (方案答复 / 外线工程审批) was given: for water the 6-day connection promise counts from it.</summary>
    public DateTime? PlanRepliedAt { get; private set; }

    public string? ContractNumber { get; private set; }

    /// <summary>供用合同: what is supplied (capacity or volume), as the utility sets it when signing.</summary>
    public string? ContractCapacity { get; private set; }

    /// <summary>供用合同: the price and the basis of any fee.</summary>
    public string? ContractPrice { get; private set; }

    /// <summary>供用合同: the utility's duties.</summary>
    public string? ContractUtilityDuties { get; private set; }

    /// <summary>供用合同: the customer's duties.</summary>
    public string? ContractCustomerDuties { get; private set; }

    public bool HasContractTerms =>
        !string.IsNullOrWhiteSpace(ContractCapacity) && !string.IsNullOrWhiteSpace(ContractPrice)
        && !string.IsNullOrWhiteSpace(ContractUtilityDuties) && !string.IsNullOrWhiteSpace(ContractCustomerDuties);

    public ContractTerms? Terms => HasContractTerms ? new(ContractCapacity!, ContractPrice!, ContractUtilityDuties!, ContractCustomerDuties!) : null;

    /// <summary>涉路、涉树工程 (000:177): how the road or tree works are handled, when they start, and when approval was asked.</summary>
    public RoadWorksRoute? WorksRoute { get; private set; }

    public DateOnly? WorksFiledOn { get; private set; }

    public DateOnly? WorksStartOn { get; private set; }

    public string? WorksPlannedBy { get; private set; }

    /// <summary>Whether this request's works plan must be registered and checked against the lead time (000:177).</summary>
    public bool NeedsWorksPlan => ConnectionClassifier.NeedsWorksPlan(Utility, Path, Data);

    public string? UtilitySignedBy { get; private set; }

    public DateTime? UtilitySignedAt { get; private set; }

    public string? ApplicantSignedBy { get; private set; }

    public DateTime? ApplicantSignedAt { get; private set; }

    public DateTime? ConnectedAt { get; private set; }

    /// <summary>When the request last changed (for the utilities' feed).</summary>
    public DateTime UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public void BumpVersion() => Version++;

    public void AttachTo(long caseId, string caseNumber, DateTime nowUtc)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
        UpdatedAt = nowUtc;
    }

    public void Touch(DateTime nowUtc) => UpdatedAt = nowUtc;

    internal void RecordSurvey(string findings, DateTime nowUtc)
    {
        SurveyFindings = findings;
        UpdatedAt = nowUtc;
    }

    internal void RecordPlanReply(DateTime nowUtc)
    {
        PlanRepliedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    internal void SignByUtility(string contractNumber, string by, DateTime nowUtc)
    {
        ContractNumber = contractNumber;
        UtilitySignedBy = by;
        UtilitySignedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    /// <summary>The utility writes the contract's terms before signing it; they cannot change once it is signed.</summary>
    public void DraftContract(ContractTerms terms, DateTime nowUtc)
    {
        if (UtilitySignedAt is not null)
        {
            throw new InvalidOperationException("供用合同已签章，条款不能再修改。");
        }

        ContractCapacity = terms.Capacity.Trim();
        ContractPrice = terms.Price.Trim();
        ContractUtilityDuties = terms.UtilityDuties.Trim();
        ContractCustomerDuties = terms.CustomerDuties.Trim();
        UpdatedAt = nowUtc;
    }

    /// <summary>
    /// The problems of a works plan (涉路、涉树, 000:177), in Chinese: 报请批准 needs the request made at least
    /// <paramref name="lead"/> before the works start (提前3天); 按原程序审批 needs the approval before the works; 告知承诺 has no lead time.
    /// </summary>
    public static IReadOnlyList<string> WorksPlanProblems(RoadWorksRoute route, DateOnly? filedOn, DateOnly startOn, TimeLimit lead, DateOnly today)
    {
        var problems = new List<string>();
        if (startOn < today)
        {
            problems.Add("计划开工日期不能早于今天。");
        }

        switch (route)
        {
            case RoadWorksRoute.Approval when filedOn is null:
                problems.Add("请填写向道路、绿化等管理部门报请批准的日期。");
                break;
            case RoadWorksRoute.Approval when filedOn > today:
                problems.Add("报请批准的日期不能晚于今天。");
                break;
            case RoadWorksRoute.Approval when startOn < EarliestStart(filedOn!.Value, lead):
                problems.Add($"涉路、涉树工程须提前{lead.Amount}天报请批准（000:177）：{filedOn:yyyy年M月d日}报请的，最早可于{EarliestStart(filedOn.Value, lead):yyyy年M月d日}开工。");
                break;
            case RoadWorksRoute.OriginalProcedure when filedOn is null:
                problems.Add("快速路、主干道按原程序审批：请填写批准日期。");
                break;
            case RoadWorksRoute.OriginalProcedure when filedOn > startOn || filedOn > today:
                problems.Add("快速路、主干道按原程序审批：须在开工前取得批准，批准日期不能晚于今天或开工日期。");
                break;
        }

        return problems;
    }

    /// <summary>The first day works may start after asking for approval on <paramref name="filedOn"/> (提前3天: the 3rd day after).</summary>
    public static DateOnly EarliestStart(DateOnly filedOn, TimeLimit lead) => filedOn.AddDays(lead.Amount);

    /// <summary>Records the works plan; <see cref="WorksPlanProblems"/> must be empty.</summary>
    public void PlanRoadWorks(RoadWorksRoute route, DateOnly? filedOn, DateOnly startOn, TimeLimit lead, DateOnly today, string by, DateTime nowUtc)
    {
        if (!NeedsWorksPlan)
        {
            throw new InvalidOperationException("该报装不涉及城市道路挖掘或树木砍伐，无需登记施工计划。");
        }

        if (WorksPlanProblems(route, filedOn, startOn, lead, today) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join("", problems));
        }

        WorksRoute = route;
        WorksFiledOn = route == RoadWorksRoute.Commitment ? null : filedOn;
        WorksStartOn = startOn;
        WorksPlannedBy = by;
        UpdatedAt = nowUtc;
    }

    /// <summary>Whether the recorded works plan still keeps the lead time under <paramref name="lead"/> (the limit may have been edited since).</summary>
    public bool WorksPlanKeeps(TimeLimit? lead) =>
        WorksRoute is { } route && WorksStartOn is { } start && (route switch
        {
            RoadWorksRoute.Approval => WorksFiledOn is { } filed && lead is { } l && start >= EarliestStart(filed, l),
            RoadWorksRoute.OriginalProcedure => WorksFiledOn is { } approved && approved <= start,
            _ => true,
        });

    internal void SignByApplicant(string by, DateTime nowUtc)
    {
        ApplicantSignedBy = by;
        ApplicantSignedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    internal void MarkConnected(DateTime nowUtc)
    {
        ConnectedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    /// <summary>供水 enterprise works: the design budget and the fee 3% below it.</summary>
    public void SetDesignBudget(decimal budget, DateTime nowUtc)
    {
        if (budget <= 0 || budget > 1_000_000_000m)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), "设计预算应大于0且不超过10亿元。");
        }

        DesignBudget = budget;
        WorksFee = ConnectionClassifier.WaterWorksFee(budget);
        UpdatedAt = nowUtc;
    }
}
