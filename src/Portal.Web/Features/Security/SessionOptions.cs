namespace Portal.Web.Features.Security;

/// <summary>Portal:Sessions — limits of a signed-in session besides the idle limit (Portal:IdleTimeoutMinutes).</summary>
public sealed class SessionOptions
{
    public const string Section = "Portal:Sessions";

    /// <summary>Staff and administrators are signed out this long after signing in, however active they are.</summary>
    public double StaffAbsoluteHours { get; set; } = 8;

    public TimeSpan StaffAbsolute => TimeSpan.FromHours(StaffAbsoluteHours);
}
