namespace Portal.Web.Common;

/// <summary>The request may be sent by anyone, signed in or not.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicRequestAttribute : Attribute;
