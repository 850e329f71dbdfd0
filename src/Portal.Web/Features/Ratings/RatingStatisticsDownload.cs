using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Export;

namespace Portal.Web.Features.Ratings;

/// <summary>One public table of /Ratings as a CSV (or Excel) file: the same period and rows as the page. Never the per-staff table.</summary>
public static class RatingStatisticsDownload
{
    [PublicRequest]
    public sealed record Query : IQuery<ExportFile>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>One of <see cref="RatingTables.PublicKeys"/>.</summary>
        public string Table { get; init; } = "";

        /// <summary>csv (default) or xlsx.</summary>
        public string? Format { get; init; }
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!RatingTables.PublicKeys.Contains(request.Table))
            {
                throw new NotFoundException("未找到要下载的统计表。");
            }

            var result = await RatingStatistics.LoadAsync(db, services, calendar, time, request.From, request.To, includeStaff: false, cancellationToken);
            return RatingStatistics.Export(result, request.Table, request.Format);
        }
    }
}
