using Portal.Domain.Calendar;
using Portal.Domain.Hall;

namespace Portal.Web.Features.Appointments;

/// <summary>One booking as its holder sees it: when, where, its state, the check-in window and what can be done now.</summary>
public sealed record AppointmentCard(
    string Code,
    string CodeDisplay,
    string Category,
    string Day,
    string Slot,
    bool Extended,
    string State,
    string StateClass,
    string CheckInWindow,
    bool CanChange,
    bool CanCheckIn,
    string? TicketNumber,
    string? TicketCode)
{
    public static AppointmentCard For(Appointment a, DateTime nowUtc, DeadlineClock clock, (string AccessCode, string Number)? ticket)
    {
        var expired = a.State == AppointmentState.Booked && nowUtc > a.StartsAt + Appointment.CheckInLate;
        var (state, css) = a.State switch
        {
            AppointmentState.Booked when expired => ("已失效（未按时签到）", "appt-expired"),
            AppointmentState.Booked => (a.StateLabel, "appt-booked"),
            AppointmentState.Cancelled => (a.StateLabel, "appt-cancelled"),
            _ => (a.StateLabel, "appt-checkedin"),
        };
        return new AppointmentCard(
            a.Code,
            AppointmentCodes.Display(a.Code),
            HallCategories.LabelOf(a.Category),
            a.LocalDate.ToString("yyyy年") + AppointmentPlans.DayLabel(a.LocalDate),
            a.SlotLabel,
            a.Extended,
            state,
            css,
            CheckInWindowOf(a, clock),
            a.State == AppointmentState.Booked && nowUtc < a.StartsAt,
            a.CheckInRefusal(nowUtc) is null,
            ticket?.Number,
            ticket?.AccessCode);
    }

    /// <summary>"11月24日 09:00 至 09:45".</summary>
    public static string CheckInWindowOf(Appointment a, DeadlineClock clock) =>
        $"{clock.ToLocal(a.StartsAt - Appointment.CheckInEarly):M月d日 HH:mm} 至 {clock.ToLocal(a.StartsAt + Appointment.CheckInLate):HH:mm}";

    /// <summary>The rule as a sentence, for guide texts.</summary>
    public static string CheckInRule =>
        $"请在预约时段开始前 {Appointment.CheckInEarly.TotalMinutes:0} 分钟至开始后 {Appointment.CheckInLate.TotalMinutes:0} 分钟内，到大厅取号机输入预约码签到取号（或在“我的预约”中签到）；预约号在时段开始后优先于普通号叫号，逾时未签到预约失效。";
}
