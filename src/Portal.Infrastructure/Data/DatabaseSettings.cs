namespace Portal.Infrastructure.Data;

/// <summary>Which database the portal uses: <c>Database:Provider</c> and <c>ConnectionStrings:Portal</c>.</summary>
public sealed record DatabaseSettings(string? Provider, string ConnectionString);
