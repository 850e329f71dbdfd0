namespace Portal.Web.Common;

/// <summary>
/// A check of who may send a request about one record, run after the role checks and before validation (STYLE 13:
/// ownership before validation). Implemented for a request type, or for an interface such as <see cref="ICaseRequest"/>
/// (then it applies to every request implementing it). Found by the mediator's scan (Pipeline/MediatorSetup.cs).
/// </summary>
public interface IAccessRule<in TRequest>
{
    Task EnsureAsync(TRequest request, CancellationToken cancellationToken);
}
