namespace Portal.Domain.Enterprises;

public enum SealDelivery
{
    PickUp,
    Mail,
}
