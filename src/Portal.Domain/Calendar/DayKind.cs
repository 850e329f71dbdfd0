namespace Portal.Domain.Calendar;

/// <summary>The kind of a calendar day.</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday–Friday working day (工作日).</summary>
    Workday,

    /// <summary>An ordinary Saturday or Sunday (休息日).</summary>
    Weekend,

    /// <summary>A statutory holiday or a day of the holiday break (法定节假日及调休放假).</summary>
    Holiday,

    /// <summary>A Saturday or Sunday on which people work to make up for a holiday (调休上班).</summary>
    MakeupWorkday,
}
