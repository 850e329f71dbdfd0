namespace Portal.Domain.Profiles;

/// <summary>A policy document the portal cites as <c>seed-file:line</c>, and the place it binds.</summary>
public sealed record SeedDocument(string File, string Place, string Title);
