namespace Portal.Infrastructure.Data;

/// <summary>A counter for human-readable case numbers, one row per prefix.</summary>
public class NumberSequence
{
    public string Key { get; set; } = "";

    public long Next { get; set; }
}
