using MediatR;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Export;

namespace Portal.Web.Features.Ratings;

/// <summary>The per-staff table of /Ratings as a file: supervisors and administrators only.</summary>
public static class RatingStaffDownload
{
    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<ExportFile>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>csv (default) or xlsx.</summary>
        public string? Format { get; init; }
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var result = await RatingStatistics.LoadAsync(db, services, calendar, time, request.From, request.To, includeStaff: true, cancellationToken);
            return RatingStatistics.Export(result, RatingTables.Staff, request.Format);
        }
    }
}
