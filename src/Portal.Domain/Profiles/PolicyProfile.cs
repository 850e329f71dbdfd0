namespace Portal.Domain.Profiles;

/// <summary>
/// A place's set of promises (SPEC 2: every limit is a default of a policy profile, not a constant).
/// <paramref name="Documents"/> are the seed files that bind the place (a district is bound by its city's document and
/// its own); a promise citing any other document is borrowed, and says so (<see cref="SeedDocuments.Borrowed"/>).
/// </summary>
public sealed record PolicyProfile(string Code, string Name, string RegionCode, IReadOnlyList<string> Documents, IReadOnlyList<PromiseDefinition> Promises)
{
    public PromiseDefinition? Find(string key) => Promises.FirstOrDefault(p => p.Key == key);

    /// <summary>"借用…" when the source cites a document that does not bind this place, otherwise null.</summary>
    public string? Borrowed(string source) => SeedDocuments.Borrowed(this, source);
}
