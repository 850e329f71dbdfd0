namespace Portal.Domain.Calendar;

/// <summary>
/// A day whose kind differs from the Monday–Friday rule, as published each year by the
/// General Office of the State Council (国务院办公厅关于部分节假日安排的通知).
/// Only <see cref="DayKind.Holiday"/> and <see cref="DayKind.MakeupWorkday"/> are allowed.
/// </summary>
public sealed record DayOverride(DateOnly Date, DayKind Kind, string Name);
