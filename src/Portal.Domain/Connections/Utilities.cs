using Portal.Domain.Organisation;

namespace Portal.Domain.Connections;

public static class Utilities
{
    public static IReadOnlyList<Utility> All { get; } = Enum.GetValues<Utility>();

    public static string Label(this Utility utility) => utility switch
    {
        Utility.Power => "供电",
        Utility.Water => "供水",
        Utility.Gas => "燃气",
        Utility.Heat => "供热",
        Utility.Telecom => "通信",
        _ => utility.ToString(),
    };

    public static string ServiceLabel(this Utility utility) => utility switch
    {
        Utility.Power => "获得电力（用电报装）",
        Utility.Water => "用水报装",
        Utility.Gas => "用气报装",
        Utility.Heat => "用热报装",
        Utility.Telecom => "通信报装",
        _ => utility.ToString(),
    };

    /// <summary>The utility company's back-office role (its staff work its child cases).</summary>
    public static Department Department(this Utility utility) => utility switch
    {
        Utility.Power => Organisation.Department.Power,
        Utility.Water => Organisation.Department.Water,
        Utility.Gas => Organisation.Department.Gas,
        Utility.Heat => Organisation.Department.Heat,
        _ => Organisation.Department.Telecom,
    };
}
