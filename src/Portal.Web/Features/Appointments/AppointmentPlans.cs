using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Domain.Calendar;
using Portal.Domain.Hall;

namespace Portal.Web.Features.Appointments;

/// <summary>
/// The validated plans of every bookable category, built once from <see cref="AppointmentOptions"/>. Invalid
/// configuration is refused when the portal starts (<see cref="AppointmentOptionsValidator"/>), naming the key.
/// </summary>
public sealed class AppointmentPlans
{
    public const int MaxCapacity = 200;

    public const int MaxDaysAhead = 366;

    private readonly Dictionary<string, AppointmentPlan> byCode;

    public AppointmentPlans(IOptions<AppointmentOptions> options)
        : this(options.Value)
    {
    }

    public AppointmentPlans(AppointmentOptions options)
    {
        var (plans, errors) = Build(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(AppointmentOptions.Section, typeof(AppointmentOptions), errors);
        }

        byCode = plans.ToDictionary(p => p.Category.Code);
        All = HallCategories.All.Where(c => byCode.ContainsKey(c.Code)).Select(c => byCode[c.Code]).ToList();
    }

    /// <summary>The bookable categories, in the hall's order (capacity 0 included: it shows as closed).</summary>
    public IReadOnlyList<AppointmentPlan> All { get; }

    public AppointmentPlan? For(string? category) =>
        category is not null && byCode.TryGetValue(category, out var plan) ? plan : null;

    /// <summary>Parses and checks every entry; each error names its configuration key in Chinese.</summary>
    public static (IReadOnlyList<AppointmentPlan> Plans, IReadOnlyList<string> Errors) Build(AppointmentOptions options)
    {
        var plans = new List<AppointmentPlan>();
        var errors = new List<string>();
        foreach (var (code, group) in options)
        {
            var key = $"{AppointmentOptions.Section}:{code}";
            var category = HallCategories.All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
            if (category is null)
            {
                errors.Add($"{key}：未知的大厅业务类别“{code}”，应为 {string.Join("、", HallCategories.All.Select(c => c.Code))} 之一。");
                continue;
            }

            var before = errors.Count;
            var sessions = ParseHours($"{key}:Sessions", group.Sessions, required: true, errors);
            var extended = ParseHours($"{key}:Extended", group.Extended, required: false, errors);
            if (group.SlotMinutes is < 5 or > 480)
            {
                errors.Add($"{key}:SlotMinutes：每个时段的分钟数应在 5 到 480 之间（当前为 {group.SlotMinutes}）。");
            }

            if (group.Capacity is < 0 or > MaxCapacity)
            {
                errors.Add($"{key}:Capacity：每个时段可预约人数应在 0 到 {MaxCapacity} 之间（0 表示不开放预约，当前为 {group.Capacity}）。");
            }

            if (group.DaysAhead is < 0 or > MaxDaysAhead)
            {
                errors.Add($"{key}:DaysAhead：可提前预约的天数应在 0 到 {MaxDaysAhead} 之间（当前为 {group.DaysAhead}）。");
            }

            var days = new HashSet<DayOfWeek>();
            foreach (var day in group.ExtendedDays)
            {
                if (Enum.TryParse<DayOfWeek>(day?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(day, out _))
                {
                    days.Add(parsed);
                }
                else
                {
                    errors.Add($"{key}:ExtendedDays：无法识别星期“{day}”，应为 Monday、Tuesday … Sunday。");
                }
            }

            if (days.Count > 0 && string.IsNullOrWhiteSpace(group.Extended))
            {
                errors.Add($"{key}:ExtendedDays：设置了延时服务的星期，但没有设置延时时段（Extended）。");
            }

            if (errors.Count > before || sessions is null)
            {
                continue;
            }

            foreach (var (name, hours) in new[] { ("Sessions", sessions), ("Extended", extended) })
            {
                foreach (var period in hours?.Periods ?? [])
                {
                    if ((int)period.Duration.TotalMinutes % group.SlotMinutes != 0)
                    {
                        errors.Add($"{key}:{name}：时段 {period} 不能按每 {group.SlotMinutes} 分钟整齐划分，请调整时段或 SlotMinutes。");
                    }
                }
            }

            if (extended is not null)
            {
                foreach (var e in extended.Periods)
                {
                    if (sessions.Periods.FirstOrDefault(s => e.Start < s.End && s.Start < e.End) is { } overlap)
                    {
                        errors.Add($"{key}:Extended：延时时段 {e} 与常规时段 {overlap} 重叠。");
                    }
                }
            }

            if (errors.Count == before)
            {
                plans.Add(new AppointmentPlan(
                    category,
                    new WindowGroupSchedule(category.Code, sessions, group.SlotMinutes, group.Capacity, extended, days.Count > 0 ? days : null),
                    group.DaysAhead));
            }
        }

        return (plans, errors);
    }

    private static OfficeHours? ParseHours(string key, string? text, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add($"{key}：请设置可预约的时段，例如 \"09:00-12:00,13:00-17:00\"。");
            }

            return null;
        }

        try
        {
            return OfficeHours.Parse(text);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            var message = ex is ArgumentException arg ? arg.Message.Split(" (Parameter", 2)[0] : ex.Message;
            errors.Add($"{key}：{message}（当前为 \"{text}\"）");
            return null;
        }
    }

    /// <summary>"周二、周四" for the guide text.</summary>
    public static string WeekdaysLabel(IEnumerable<DayOfWeek> days) =>
        string.Join("、", days.OrderBy(d => ((int)d + 6) % 7).Select(d => "周" + "日一二三四五六"[(int)d]));

    /// <summary>"11月24日（周二）".</summary>
    public static string DayLabel(DateOnly date) =>
        date.ToString("M月d日", CultureInfo.InvariantCulture) + $"（周{"日一二三四五六"[(int)date.DayOfWeek]}）";
}
