namespace Portal.Domain.Connections;

public static class VoltageLevels
{
    public static string Label(this VoltageLevel level) => level switch
    {
        VoltageLevel.Low => "低压（0.4千伏）",
        VoltageLevel.Kv10 => "10千伏",
        VoltageLevel.Kv35Plus => "35千伏及以上",
        _ => level.ToString(),
    };
}
