namespace Portal.Domain.Hall;

/// <summary>A service category of the hall: one number series per category and day.</summary>
public sealed record HallCategory(string Code, string Letter, string Label);
