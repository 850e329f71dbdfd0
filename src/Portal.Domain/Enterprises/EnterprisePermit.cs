using Portal.Domain.Organisation;

namespace Portal.Domain.Enterprises;

/// <summary>
/// A permit (许可证) held by an enterprise, e.g. 食品经营许可证. When the enterprise is cancelled its permits are
/// cancelled in the same step (证照同步注销, 000:93, 003:23-25).
/// </summary>
public class EnterprisePermit
{
    private EnterprisePermit()
    {
    }

    public EnterprisePermit(long enterpriseId, string name, string number, Department department, DateOnly issuedOn)
    {
        EnterpriseId = enterpriseId;
        Name = name;
        Number = number;
        Department = department;
        IssuedOn = issuedOn;
        Status = PermitStatus.Valid;
    }

    public long Id { get; private set; }

    public long EnterpriseId { get; private set; }

    public string Name { get; private set; } = "";

    public string Number { get; private set; } = "";

    public Department Department { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public PermitStatus Status { get; private set; }

    public DateOnly? CancelledOn { get; private set; }

    /// <summary>The case whose cancellation cancelled this permit.</summary>
    public string? CancelledByCase { get; private set; }

    public void CancelWith(string caseNumber, DateOnly on)
    {
        if (Status == PermitStatus.Cancelled)
        {
            return;
        }

        Status = PermitStatus.Cancelled;
        CancelledOn = on;
        CancelledByCase = caseNumber;
    }

    public static string Label(PermitStatus status) => status == PermitStatus.Valid ? "有效" : "已注销";
}
