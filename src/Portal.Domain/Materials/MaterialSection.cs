namespace Portal.Domain.Materials;

/// <summary>A titled part of a service's list on its guide page (基本材料, 按经营范围, 按并联事项 …).</summary>
public sealed record MaterialSection(string Title, string? Note, IReadOnlyList<MaterialRequirement> Items);
