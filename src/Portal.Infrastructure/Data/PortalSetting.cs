namespace Portal.Infrastructure.Data;

/// <summary>A key/value setting the administrator changes at run time (active profile, office hours).</summary>
public class PortalSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
