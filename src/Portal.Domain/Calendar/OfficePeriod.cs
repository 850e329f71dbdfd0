using System.Globalization;

namespace Portal.Domain.Calendar;

/// <summary>One continuous span of office time on a working day, half-open: [Start, End).</summary>
public sealed record OfficePeriod(TimeOnly Start, TimeOnly End)
{
    /// <summary>Length of the period (only meaningful when Start &lt; End).</summary>
    public TimeSpan Duration => End.ToTimeSpan() - Start.ToTimeSpan();

    /// <summary>Formats as "09:00-12:00".</summary>
    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
