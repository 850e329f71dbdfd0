namespace Portal.Infrastructure.Identity;

public enum UserKind
{
    Citizen,
    Enterprise,
    Staff,
}
