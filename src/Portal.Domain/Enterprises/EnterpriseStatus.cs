namespace Portal.Domain.Enterprises;

public enum EnterpriseStatus
{
    Active,
    Cancelled,
}
