using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Profiles;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Reference data every installation needs (not demo data): roles, the 2025/2026 holiday calendar, the shipped
/// policy profiles and the case-number counters. Idempotent: only what is missing is added, so edits the
/// administrator made are kept and keys added by later versions appear.
/// </summary>
public static class ReferenceData
{
    /// <summary>The counter behind newly issued unified social credit codes.</summary>
    public const string CreditCodeSequence = "USCC";

    public static async Task SeedAsync(PortalDbContext db, RoleManager<IdentityRole> roles, IEnumerable<string> numberPrefixes, CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
        foreach (var group in ChinaHolidays.All.GroupBy(d => d.Date.Year).Where(g => !years.Contains(g.Key)))
        {
            db.CalendarYears.Add(new CalendarYear { Year = group.Key, Source = $"国务院办公厅关于{group.Key}年部分节假日安排的通知" });
            db.CalendarDays.AddRange(group.Select(d => new CalendarDayEntry { Date = d.Date, Kind = d.Kind, Name = d.Name }));
        }

        var existing = (await db.PromiseLimits.Select(p => new { p.ProfileCode, p.Key }).ToListAsync(cancellationToken))
            .Select(p => (p.ProfileCode, p.Key)).ToHashSet();
        foreach (var profile in PolicyProfiles.All)
        {
            foreach (var promise in profile.Promises.Where(p => !existing.Contains((profile.Code, p.Key))))
            {
                db.PromiseLimits.Add(new PromiseLimit
                {
                    ProfileCode = profile.Code,
                    Key = promise.Key,
                    Service = promise.Service,
                    Step = promise.Step,
                    Amount = promise.Limit.Amount,
                    Unit = promise.Limit.Unit,
                    Source = promise.Source,
                    Note = promise.Note,
                });
            }
        }

        if (!await db.Settings.AnyAsync(s => s.Key == PromiseService.ActiveProfileSetting, cancellationToken))
        {
            db.Settings.Add(new PortalSetting { Key = PromiseService.ActiveProfileSetting, Value = PolicyProfiles.Default.Code });
        }

        var sequences = await db.NumberSequences.Select(s => s.Key).ToListAsync(cancellationToken);
        foreach (var prefix in numberPrefixes.Append(CreditCodeSequence).Distinct().Except(sequences))
        {
            db.NumberSequences.Add(new NumberSequence { Key = prefix, Next = 0 });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
