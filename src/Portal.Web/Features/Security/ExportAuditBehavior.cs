using MediatR;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Common.Export;
using Portal.Web.Common.Pipeline;

namespace Portal.Web.Features.Security;

/// <summary>
/// Records every download of a table (any request answered with an <see cref="ExportFile"/>: the dashboard's and the
/// 好差评 statistics' CSV and Excel files, which name staff members) by a signed-in person in the security audit log:
/// who, when, which table, which period. Public downloads of anonymous statistics by visitors are not personal data
/// and are not recorded.
/// </summary>
public sealed class ExportAuditBehavior<TRequest, TResponse>(CurrentUser me, IServiceProvider services) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (response is ExportFile file && me.IsSignedIn)
        {
            var audit = services.GetRequiredService<IAuditLog>();
            await audit.RecordAsync(
                SecurityEventType.PersonalDataExported,
                new AuditSubject(me.Id, me.Principal.Identity?.Name ?? me.Name),
                $"{file.FileName}（{LoggingBehavior<TRequest, TResponse>.Describe(request)}）",
                cancellationToken);
        }

        return response;
    }
}
