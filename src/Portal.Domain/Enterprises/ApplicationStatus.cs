namespace Portal.Domain.Enterprises;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    Closed,
}
