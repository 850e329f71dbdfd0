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
