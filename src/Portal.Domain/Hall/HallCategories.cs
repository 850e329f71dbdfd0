namespace Portal.Domain.Hall;

public static class HallCategories
{
    public static IReadOnlyList<HallCategory> All { get; } =
    [
        new("establishment", "A", "企业开办"),
        new("deregistration", "B", "企业注销"),
        new("connection", "C", "水电气热信报装"),
        new("general", "D", "综合咨询及其他"),
    ];

    public static HallCategory? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    public static string LabelOf(string code) => Find(code)?.Label ?? code;

    public static string Label(this PriorityReason reason) => reason switch
    {
        PriorityReason.Elderly => "老年人",
        PriorityReason.Disabled => "残疾人",
        PriorityReason.Pregnant => "孕妇",
        _ => "",
    };

    public static string Label(this TicketState state) => state switch
    {
        TicketState.Waiting => "等候中",
        TicketState.Called => "已叫号",
        TicketState.Serving => "办理中",
        TicketState.Done => "已办结",
        TicketState.NoShow => "过号",
        _ => state.ToString(),
    };
}
