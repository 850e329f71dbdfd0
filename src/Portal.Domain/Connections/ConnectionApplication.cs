namespace Portal.Domain.Connections;

/// <summary>
/// One 报装 application for one site: a single utility, or several on one form (联合报装, 000:109). It belongs to the
/// parent case; each utility's request is a child case of its own, worked by that utility's staff. A joint
/// application has one joint site survey (联合踏勘) for all utilities that need one.
/// </summary>
public class ConnectionApplication
{
    private ConnectionApplication()
    {
    }

    public ConnectionApplication(string applicantId, CustomerKind customer, string? enterpriseName, string? creditCode, string address, string purpose, DateTime nowUtc)
    {
        ApplicantId = applicantId;
        Customer = customer;
        EnterpriseName = enterpriseName;
        CreditCode = creditCode;
        Address = address;
        Purpose = purpose;
        CreatedAt = nowUtc;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public string CaseNumber { get; private set; } = "";

    public string ApplicantId { get; private set; } = "";

    public CustomerKind Customer { get; private set; }

    public string? EnterpriseName { get; private set; }

    public string? CreditCode { get; private set; }

    public string Address { get; private set; } = "";

    public string Purpose { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>联合踏勘: when all utilities meet at the site.</summary>
    public DateTime? SurveyAt { get; private set; }

    public string? SurveyScheduledBy { get; private set; }

    public long Version { get; private set; }

    public List<UtilityRequest> Requests { get; private set; } = [];

    public bool Joint => Requests.Count > 1;

    public void BumpVersion() => Version++;

    public void AttachTo(long caseId, string caseNumber)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
    }

    public void ScheduleSurvey(DateTime atUtc, string by)
    {
        SurveyAt = atUtc;
        SurveyScheduledBy = by;
    }
}
