using System.Collections.ObjectModel;
using System.Globalization;

namespace Portal.Domain.Calendar;

/// <summary>
/// The office hours of every working day: one or more ordered, non-overlapping periods,
/// e.g. 09:00-12:00 and 13:00-17:00. Immutable.
/// </summary>
public sealed class OfficeHours
{
    /// <summary>09:00-12:00 and 13:00-17:00.</summary>
    public static OfficeHours Default { get; } = new(
    [
        new OfficePeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new OfficePeriod(new TimeOnly(13, 0), new TimeOnly(17, 0)),
    ]);

    private static readonly string[] TimeFormats = ["HH:mm", "H:mm"];

    /// <summary>Creates office hours.</summary>
    /// <exception cref="ArgumentException">
    /// The list is empty, a period does not start before it ends, or periods are out of order or overlap.
    /// </exception>
    public OfficeHours(IEnumerable<OfficePeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var list = periods.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("办公时间至少应包含一个时段。", nameof(periods));
        }

        for (var i = 0; i < list.Length; i++)
        {
            var period = list[i] ?? throw new ArgumentException("办公时段不能为空。", nameof(periods));
            if (period.Start >= period.End)
            {
                throw new ArgumentException($"办公时段 {period} 的开始时间必须早于结束时间。", nameof(periods));
            }

            if (i > 0 && period.Start < list[i - 1].End)
            {
                throw new ArgumentException(
                    $"办公时段 {period} 必须按时间顺序排列且不得与前一时段 {list[i - 1]} 重叠。", nameof(periods));
            }
        }

        Periods = new ReadOnlyCollection<OfficePeriod>(list);
        Close = list[^1].End;
        PerDay = list.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
    }

    /// <summary>The periods, in order.</summary>
    public IReadOnlyList<OfficePeriod> Periods { get; }

    /// <summary>End of the last period: the close of business (停止业务活动的时间) of a working day.</summary>
    public TimeOnly Close { get; }

    /// <summary>Total office time of one working day.</summary>
    public TimeSpan PerDay { get; }

    /// <summary>Parses "09:00-12:00,13:00-17:00" (spaces allowed; ',' or ';' between periods).</summary>
    /// <exception cref="FormatException">The text is not in that format.</exception>
    /// <exception cref="ArgumentException">The periods are well-formed but invalid (see the constructor).</exception>
    public static OfficeHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("办公时间格式应为 \"09:00-12:00,13:00-17:00\"。");
        }

        var periods = new List<OfficePeriod>(parts.Length);
        foreach (var part in parts)
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length != 2
                || !TimeOnly.TryParseExact(bounds[0], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(bounds[1], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                throw new FormatException($"无法识别办公时段 \"{part}\"，格式应为 \"09:00-12:00\"。");
            }

            periods.Add(new OfficePeriod(start, end));
        }

        return new OfficeHours(periods);
    }

    /// <summary>Formats as "09:00-12:00,13:00-17:00" (round-trips through <see cref="Parse"/>).</summary>
    public override string ToString() => string.Join(",", Periods);
}
