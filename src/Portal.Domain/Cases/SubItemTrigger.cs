namespace Portal.Domain.Cases;

public enum SubItemTrigger
{
    Begin,
    Start,
    Complete,
    Return,
    Resubmit,
    Cancel,
}
