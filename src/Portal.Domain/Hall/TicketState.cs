namespace Portal.Domain.Hall;

public enum TicketState
{
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
}
