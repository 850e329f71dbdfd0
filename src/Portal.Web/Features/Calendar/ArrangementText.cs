using System.Globalization;
using Portal.Domain.Calendar;

namespace Portal.Web.Features.Calendar;

/// <summary>
/// A year's holiday notice as the administrator types it, one line per day or run of days:
/// <c>2027-02-05 至 2027-02-11 放假 春节</c>, <c>2027-02-20 上班 春节调休上班</c> (a date, or two joined by 至 or ~;
/// 放假 or 上班; the name). Empty lines and lines starting with # are ignored.
/// </summary>
public static class ArrangementText
{
    private const int MaxDays = 120;

    public static (IReadOnlyList<DayOverride> Days, IReadOnlyList<string> Errors) Parse(int year, string? text)
    {
        var days = new List<DayOverride>();
        var errors = new List<string>();
        var lines = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var where = $"第{i + 1}行";
            var parts = line.Replace("～", "~", StringComparison.Ordinal).Replace("~", " 至 ", StringComparison.Ordinal)
                .Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries);
            var ranged = parts.Length >= 4 && parts[1] == "至";
            var kindAt = ranged ? 3 : 1;
            if (parts.Length < kindAt + 2
                || !TryDate(parts[0], out var first)
                || !TryDate(ranged ? parts[2] : parts[0], out var last))
            {
                errors.Add($"{where}格式应为“2027-02-05 至 2027-02-11 放假 春节”或“2027-02-20 上班 春节调休上班”。");
                continue;
            }

            var kind = parts[kindAt] switch
            {
                "放假" or "休" or "休息" => DayKind.Holiday,
                "上班" or "班" => DayKind.MakeupWorkday,
                _ => (DayKind?)null,
            };
            var name = string.Join("", parts.Skip(kindAt + 1));
            if (kind is null)
            {
                errors.Add($"{where}应写明“放假”或“上班”。");
                continue;
            }

            if (first.Year != year || last.Year != year || last < first || last.DayNumber - first.DayNumber > 31)
            {
                errors.Add($"{where}的日期应在{year}年内，且结束日期不早于开始日期、一次不超过31天。");
                continue;
            }

            if (name.Length > 40)
            {
                errors.Add($"{where}的名称不能超过40个字。");
                continue;
            }

            for (var date = first; date <= last; date = date.AddDays(1))
            {
                if (kind == DayKind.MakeupWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    errors.Add($"{where}：调休上班日{date:yyyy-MM-dd}应为周六或周日。");
                }
                else if (days.Any(d => d.Date == date))
                {
                    errors.Add($"{where}：{date:yyyy-MM-dd}已在前面出现过。");
                }
                else
                {
                    days.Add(new DayOverride(date, kind.Value, name));
                }
            }
        }

        if (errors.Count == 0 && days.Count == 0)
        {
            errors.Add("请至少录入一天放假安排。");
        }

        if (days.Count > MaxDays)
        {
            errors.Add($"一年的放假和调休安排不应超过{MaxDays}天。");
        }

        return (days.OrderBy(d => d.Date).ToList(), errors);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
