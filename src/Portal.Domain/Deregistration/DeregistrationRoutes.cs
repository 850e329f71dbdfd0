namespace Portal.Domain.Deregistration;

public static class DeregistrationRoutes
{
    public static string Label(this DeregistrationRoute route) => route switch
    {
        DeregistrationRoute.Simple => "简易注销",
        DeregistrationRoute.Ordinary => "普通注销",
        DeregistrationRoute.Subrogated => "代位注销",
        DeregistrationRoute.StruckOff => "除名",
        _ => route.ToString(),
    };

    public static bool IsByAuthority(this DeregistrationRoute route) => route is DeregistrationRoute.Subrogated or DeregistrationRoute.StruckOff;
}
