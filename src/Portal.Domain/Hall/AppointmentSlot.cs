using System.Globalization;

namespace Portal.Domain.Hall;

/// <summary>One bookable time: [Start, End) local time, up to Capacity people.</summary>
public sealed record AppointmentSlot(TimeOnly Start, TimeOnly End, int Capacity, bool Extended)
{
    public string Label => $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}{(Extended ? "（延时）" : "")}";

    /// <summary>Minutes after midnight: the slot's key in the database.</summary>
    public int Key => Start.Hour * 60 + Start.Minute;
}
