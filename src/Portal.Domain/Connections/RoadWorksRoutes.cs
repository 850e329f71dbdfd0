namespace Portal.Domain.Connections;

public static class RoadWorksRoutes
{
    public static string Label(this RoadWorksRoute route) => route switch
    {
        RoadWorksRoute.Commitment => "告知承诺制办理",
        RoadWorksRoute.Approval => "提前向道路、绿化等管理部门报请批准",
        RoadWorksRoute.OriginalProcedure => "快速路、主干道按原程序审批",
        _ => route.ToString(),
    };
}
