using Portal.Domain.Hall;

namespace Portal.Web.Features.Dashboard;

/// <summary>What the figures need of one queue number.</summary>
public sealed record TicketFacts(DateTime IssuedAt, DateTime? CalledAt, DateTime? ServedAt, DateTime? DoneAt, TicketState State, string? WindowNumber);
