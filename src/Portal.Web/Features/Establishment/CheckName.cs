using MediatR;
using Portal.Domain.Enterprises;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Establishment;

/// <summary>名称自主申报: checks a proposed name before submission.</summary>
public static class CheckName
{
    public sealed record Query : IQuery<NameCheck>
    {
        public string? Name { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Query, NameCheck>
    {
        public Task<NameCheck> Handle(Query request, CancellationToken cancellationToken) =>
            EnterpriseNameRegistry.CheckAsync(db, request.Name, null, cancellationToken);
    }
}
