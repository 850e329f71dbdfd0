using Microsoft.EntityFrameworkCore;
using Portal.Domain.Hall;
using Portal.Domain.Organisation;
using Portal.Web.Features.Appointments;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Appointments;

/// <summary>
/// Small steps the appointment tests share. Every factory gets a known plan, whatever appsettings.json says:
/// 企业开办 3 places per half hour 09:00-12:00 and 13:00-17:00, 延时 12:00-13:00 and 17:00-18:30 on Tuesdays and
/// Thursdays, 14 days ahead; 综合 2 places, no 延时. The clock starts on Monday 23 November 2026, 09:00 in China.
/// </summary>
public static class AppointmentWorld
{
    public const string EstablishmentCategory = "establishment";

    public const string GeneralCategory = "general";

    /// <summary>Tuesday 24 November 2026, the day most tests book.</summary>
    public static readonly DateOnly Tuesday = new(2026, 11, 24);

    public const int NineOClock = 9 * 60;

    public const int HalfPastNine = 9 * 60 + 30;

    public const int Ten = 10 * 60;

    public static PortalFactory NewFactory(Provider provider)
    {
        var factory = new PortalFactory(provider);
        Plan(factory, EstablishmentCategory, "09:00-12:00,13:00-17:00", 30, 3, 14, "12:00-13:00,17:00-18:30", "Tuesday", "Thursday");
        Plan(factory, GeneralCategory, "09:00-12:00,13:00-17:00", 30, 2, 14, null);
        return factory;
    }

    public static void Plan(PortalFactory factory, string category, string sessions, int slotMinutes, int capacity, int daysAhead, string? extended, params string[] extendedDays)
    {
        var key = $"{AppointmentOptions.Section}:{category}";
        factory.Settings[$"{key}:Sessions"] = sessions;
        factory.Settings[$"{key}:SlotMinutes"] = slotMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings[$"{key}:Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings[$"{key}:DaysAhead"] = daysAhead.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings[$"{key}:Extended"] = extended ?? "";
        for (var i = 0; i < extendedDays.Length; i++)
        {
            factory.Settings[$"{key}:ExtendedDays:{i}"] = extendedDays[i];
        }
    }

    public static Task<TestUser> ApplicantAsync(this PortalFactory factory, string? name = null) =>
        factory.CreateUserAsync(Roles.Applicant, name);

    /// <summary>Books as <paramref name="user"/>; returns the 预约码.</summary>
    public static Task<string> BookAsync(this PortalFactory factory, TestUser? user, DateOnly date, int slotKey, string category = EstablishmentCategory) =>
        factory.SendAs(user, new BookAppointment.Command { Category = category, Date = date, SlotKey = slotKey });

    public static Task<string> ChangeAsync(this PortalFactory factory, TestUser user, string code, DateOnly date, int slotKey) =>
        factory.SendAs(user, new ChangeAppointment.Command { Code = code, Date = date, SlotKey = slotKey });

    public static Task CancelAsync(this PortalFactory factory, TestUser user, string code) =>
        factory.SendAs(user, new CancelAppointment.Command { Code = code });

    /// <summary>Checks in anonymously, as at the kiosk.</summary>
    public static Task<CheckInAppointment.Result> CheckInAsync(this PortalFactory factory, string code) =>
        factory.SendAs(null, new CheckInAppointment.Command { Code = code });

    public static Task<Appointment> AppointmentAsync(this PortalFactory factory, string code) =>
        factory.WithDb(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Code == code));

    public static Task<List<Appointment>> AppointmentsAsync(this PortalFactory factory) =>
        factory.WithDb(db => db.Appointments.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    /// <summary>Seats held in a slot (bookings not cancelled).</summary>
    public static Task<List<int>> SeatsAsync(this PortalFactory factory, DateOnly date, int slotKey, string category = EstablishmentCategory) =>
        factory.WithDb(db => db.Appointments.AsNoTracking()
            .Where(a => a.Category == category && a.LocalDate == date && a.SlotKey == slotKey && a.Seat != null)
            .OrderBy(a => a.Seat)
            .Select(a => a.Seat!.Value)
            .ToListAsync());

    /// <summary>Creates <paramref name="count"/> applicants one after the other (Identity's password hashing is slow to run in parallel).</summary>
    public static async Task<List<TestUser>> ApplicantsAsync(this PortalFactory factory, int count)
    {
        var users = new List<TestUser>();
        for (var i = 0; i < count; i++)
        {
            users.Add(await factory.ApplicantAsync());
        }

        return users;
    }
}
