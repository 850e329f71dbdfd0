namespace Portal.Domain.Cases;

public static class Channels
{
    public static string Label(this Channel channel) => channel switch
    {
        Channel.Window => "一窗通办",
        Channel.Online => "一网通办",
        Channel.Mobile => "掌上办",
        Channel.SelfService => "自助办",
        Channel.Assisted => "就近帮代办",
        _ => channel.ToString(),
    };
}
