namespace Portal.Web.Common;

/// <summary>A link a service adds to its cases' page (the application form, the issued licence …).</summary>
public sealed record CaseLink(string Text, string Href);
