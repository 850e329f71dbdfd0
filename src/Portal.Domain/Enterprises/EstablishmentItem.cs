using Portal.Domain.Organisation;

namespace Portal.Domain.Enterprises;

/// <summary>One 企业开办 sub-item: who holds it, and whether it can be started any time on an existing enterprise.</summary>
public sealed record EstablishmentItem(string Code, string Label, Department Department, bool Mandatory, bool AnyTime, string Description);
