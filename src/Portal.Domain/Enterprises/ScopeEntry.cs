namespace Portal.Domain.Enterprises;

/// <summary>A standard business-scope entry (经营范围规范表述) and whether it needs a permit first.</summary>
public sealed record ScopeEntry(string Code, string Text, bool NeedsPermit);
