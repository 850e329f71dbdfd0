using MediatR;

namespace Portal.Web.Common;

/// <summary>A read: validated and authorized, no transaction.</summary>
public interface IQuery<TResult> : IRequest<TResult>
{
}
