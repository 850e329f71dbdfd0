using MediatR;

namespace Portal.Web.Common;

/// <summary>A state change: validated, authorized and run in one database transaction.</summary>
public interface ICommand<TResult> : IRequest<TResult>
{
}
