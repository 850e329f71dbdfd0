namespace Portal.Web.Setup;

/// <summary>The limit of one throttle: so many requests per client within a sliding window.</summary>
public sealed class ThrottleLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
