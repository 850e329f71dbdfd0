namespace Portal.Domain.Enterprises;

/// <summary>
/// A name in use: reserved when an application is submitted, kept by the enterprise once registered, released
/// when the application ends without registration. The key is the normalized name, so the database itself
/// refuses a second application for the same name even when two arrive at the same moment.
/// </summary>
public class NameReservation
{
    public string NormalizedName { get; set; } = "";

    public string Name { get; set; } = "";

    public long? ApplicationId { get; set; }

    public DateTime ReservedAt { get; set; }
}
