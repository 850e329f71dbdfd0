namespace Portal.Web.Common;

/// <summary>The request needs one of these roles (none listed: any signed-in person).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
