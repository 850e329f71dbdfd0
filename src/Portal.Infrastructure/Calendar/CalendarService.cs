using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Calendar;

public sealed class PortalTimeOptions
{
    /// <summary>The portal's local time zone; Asia/Shanghai by default.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Office hours used for hour limits, e.g. "09:00-12:00,13:00-17:00".</summary>
    public string OfficeHours { get; set; } = "09:00-12:00,13:00-17:00";
}

/// <summary>
/// Holds the working-day calendar built from the database (holidays and make-up days the administrator
/// maintains) and hands out a <see cref="DeadlineClock"/>. Cached; <see cref="Invalidate"/> after every edit.
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, IOptions<PortalTimeOptions> options)
{
    public const string OfficeHoursSetting = "calendar.office-hours";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile DeadlineClock? clock;

    public TimeZoneInfo Zone { get; } = DeadlineClock.FindZone(options.Value.TimeZone);

    public async Task<DeadlineClock> GetClockAsync(CancellationToken cancellationToken = default)
    {
        if (clock is { } cached)
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (clock is { } again)
            {
                return again;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
            var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
            var hoursText = await db.Settings.AsNoTracking().Where(s => s.Key == OfficeHoursSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
                ?? options.Value.OfficeHours;
            var calendar = new WorkingCalendar(
                days.Select(d => new DayOverride(d.Date, d.Kind, d.Name)),
                years,
                OfficeHours.Parse(hoursText));
            clock = new DeadlineClock(calendar, Zone);
            return clock;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => clock = null;
}
