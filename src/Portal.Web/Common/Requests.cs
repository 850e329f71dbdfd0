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

/// <summary>
/// A request about one case, named by its number: who may see the case is checked before the request is validated
/// (STYLE 13), so a post against someone else's case answers "not found" without running its validators or showing
/// anything of the case (Features/Cases/CaseAccess.cs: <c>CaseRequestAccess</c>).
/// </summary>
public interface ICaseRequest
{
    string Number { get; }
}

/// <summary>
/// A check of who may send a request about one record, run after the role checks and before validation (STYLE 13:
/// ownership before validation). Implemented for a request type, or for an interface such as <see cref="ICaseRequest"/>
/// (then it applies to every request implementing it). Found by the mediator's scan (Pipeline/MediatorSetup.cs).
/// </summary>
public interface IAccessRule<in TRequest>
{
    Task EnsureAsync(TRequest request, CancellationToken cancellationToken);
}
