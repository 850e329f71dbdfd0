namespace Portal.Domain.Enterprises;

public enum PermitStatus
{
    Valid,
    Cancelled,
}
