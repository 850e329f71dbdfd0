using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Profiles;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Reference data every installation needs (not demo data): roles, the 2025/2026 holiday calendar, the shipped
/// policy profiles and the case-number counters. Idempotent: what is missing is added, keys added by later versions
/// appear, and a promise whose shipped default changed is corrected in databases created earlier — but a limit an
/// administrator set is kept (docs/decisions/0019-promises-by-place.md).
/// </summary>
public static class ReferenceData
{
    /// <summary>The counter behind newly issued unified social credit codes.</summary>
    public const string CreditCodeSequence = "USCC";

    /// <summary>The fingerprint of a shipped default: everything seeding writes into a row.</summary>
    public static string DefaultHash(PromiseDefinition promise)
    {
        var text = string.Join("\u001f", promise.Service, promise.Step, promise.Limit.Amount.ToString(CultureInfo.InvariantCulture), promise.Limit.Unit.ToString(), promise.Source, promise.Note ?? "");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>
    /// Brings the promise tables in line with the shipped profiles: adds missing rows, rewrites rows whose shipped
    /// default changed since they were written (keeping the limit an administrator set, and updating only the wording
    /// around it), and removes rows of keys no profile ships any more. Returns whether anything changed.
    /// </summary>
    public static async Task<bool> SyncPromisesAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.PromiseLimits.ToListAsync(cancellationToken);
        var byKey = rows.ToDictionary(r => (r.ProfileCode, r.Key));
        var changed = false;
        foreach (var profile in PolicyProfiles.All)
        {
            foreach (var promise in profile.Promises)
            {
                var hash = DefaultHash(promise);
                if (!byKey.TryGetValue((profile.Code, promise.Key), out var row))
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
                        DefaultHash = hash,
                    });
                    changed = true;
                }
                else if (row.DefaultHash != hash)
                {
                    row.Service = promise.Service;
                    row.Step = promise.Step;
                    row.Source = promise.Source;
                    row.Note = promise.Note;
                    if (!row.EditedByAdministrator)
                    {
                        row.Amount = promise.Limit.Amount;
                        row.Unit = promise.Limit.Unit;
                    }

                    row.DefaultHash = hash;
                    changed = true;
                }
            }
        }

        foreach (var obsolete in rows.Where(r => PolicyProfiles.Find(r.ProfileCode)?.Find(r.Key) is null))
        {
            db.PromiseLimits.Remove(obsolete);
            changed = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

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

        if (await SyncPromisesAsync(db, cancellationToken))
        {
            await Revisions.BumpAsync(db, Revisions.Promises, cancellationToken);
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
