namespace Portal.Domain.Ratings;

/// <summary>核实 result.</summary>
public enum Finding
{
    True,
    PartlyTrue,
    NotTrue,
}
