using Portal.Domain.Cases;
using Portal.Domain.Organisation;

namespace Portal.Domain.Deregistration;

/// <summary>
/// 注销结果共享: one department's confirmation item for a cancelled enterprise (000:97, 003:23). The department's
/// back office confirms it; the case shows who confirmed and when.
/// </summary>
public class CancellationShare
{
    private CancellationShare()
    {
    }

    internal CancellationShare(DeregistrationApplication deregistration, Department department, DateTime nowUtc)
    {
        Application = deregistration;
        Department = department;
        SharedAt = nowUtc;
    }

    public long Id { get; private set; }

    public long DeregistrationId { get; private set; }

    public DeregistrationApplication Application { get; private set; } = null!;

    public Department Department { get; private set; }

    public DateTime SharedAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public long Version { get; private set; }

    public bool Confirmed => ConfirmedAt is not null;

    public void BumpVersion() => Version++;

    public void Confirm(CaseActor actor, DateTime nowUtc)
    {
        if (!actor.Has(Department.ReviewerRole()))
        {
            throw new UnauthorizedAccessException($"只有{Department.Label()}后台人员可以确认。");
        }

        if (Confirmed)
        {
            throw new InvalidOperationException($"{Department.Label()}已于之前确认，无需重复确认。");
        }

        ConfirmedAt = nowUtc;
        ConfirmedByName = actor.Name;
    }
}
