namespace Portal.Domain.Connections;

public enum VoltageLevel
{
    /// <summary>低压 (0.4 kV).</summary>
    Low,

    /// <summary>10千伏.</summary>
    Kv10,

    /// <summary>35千伏及以上.</summary>
    Kv35Plus,
}
