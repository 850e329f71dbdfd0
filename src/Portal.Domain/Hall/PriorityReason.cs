namespace Portal.Domain.Hall;

/// <summary>Who gets a priority number (000:503, 001:89, 003:381: 老年人、残疾人 and pregnant women).</summary>
public enum PriorityReason
{
    None,
    Elderly,
    Disabled,
    Pregnant,
}
