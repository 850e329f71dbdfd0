namespace Portal.Domain.Connections;

public enum CustomerKind
{
    Enterprise,
    Resident,
}
