using MediatR;

namespace Portal.Web.Common;

/// <summary>A state change: validated, authorized and run in one database transaction.</summary>
public interface ICommand<TResult> : IRequest<TResult>
{
}

/// <summary>A read: validated and authorized, no transaction.</summary>
public interface IQuery<TResult> : IRequest<TResult>
{
}

/// <summary>The request may be sent by anyone, signed in or not.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicRequestAttribute : Attribute;

/// <summary>The request needs one of these roles (none listed: any signed-in person).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Staff of any kind (not applicants).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireStaffAttribute : Attribute;
