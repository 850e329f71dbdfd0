using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Calendar;

/// <summary>
/// Hands out a <see cref="DeadlineClock"/> built from the database's holiday calendar (which the administrator
/// maintains). Cached per <see cref="Revisions.Calendar"/> stamp: each call reads the committed stamp (one
/// primary-key lookup) and rebuilds only when an edit has committed a new one.
/// </summary>
public sealed class CalendarService(IServiceScopeFactory scopes, IOptions<PortalTimeOptions> options)
{
    public const string OfficeHoursSetting = "calendar.office-hours";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Cached? cached;

    public TimeZoneInfo Zone { get; } = DeadlineClock.FindZone(options.Value.TimeZone);

    public Task<DeadlineClock> GetClockAsync(CancellationToken cancellationToken = default) => GetClockAsync(null, cancellationToken);

    /// <summary>
    /// The clock, reading the stamp through the caller's context when it has one (a request's: no second context and
    /// connection per call, and inside the caller's transaction no second pooled connection); otherwise through a
    /// context of its own. A stamp read inside an uncommitted edit names that edit, which nobody else reads, so what is
    /// cached under it is never handed to anyone else.
    /// </summary>
    public async Task<DeadlineClock> GetClockAsync(PortalDbContext? through, CancellationToken cancellationToken = default)
    {
        through ??= RequestContext.Db;
        using var scope = through is null ? scopes.CreateScope() : null;
        var db = through ?? scope!.ServiceProvider.GetRequiredService<PortalDbContext>();
        var revision = await Revisions.ReadAsync(db, Revisions.Calendar, cancellationToken) ?? "";
        if (cached is { } hit && hit.Revision == revision)
        {
            return hit.Clock;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && again.Revision == revision)
            {
                return again.Clock;
            }

            // Read after the stamp: if an edit commits in between, the data is newer than the stamp and the
            // next call (seeing the newer stamp) simply rebuilds again. Never the other way round.
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
            var years = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
            var hoursText = await db.Settings.AsNoTracking().Where(s => s.Key == OfficeHoursSetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken)
                ?? options.Value.OfficeHours;
            var calendar = new WorkingCalendar(
                days.Select(d => new DayOverride(d.Date, d.Kind, d.Name)),
                years,
                OfficeHours.Parse(hoursText));
            var clock = new DeadlineClock(calendar, Zone);
            cached = new Cached(revision, clock);
            return clock;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record Cached(string Revision, DeadlineClock Clock);
}
