namespace Portal.Domain.Cases;

/// <summary>How a case reached the centre (003:9: 一窗通办、一网通办、掌上办、自助办、就近帮代办).</summary>
public enum Channel
{
    Window,
    Online,
    Mobile,
    SelfService,
    Assisted,
}
