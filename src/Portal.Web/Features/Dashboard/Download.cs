using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Export;

namespace Portal.Web.Features.Dashboard;

/// <summary>One table of the dashboard as a CSV or Excel file (same people, same period, same rows as the page).</summary>
public static class Download
{
    [RequireRoles(Roles.Supervisor, Roles.Admin)]
    public sealed record Query : IQuery<ExportFile>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        /// <summary>One of <see cref="DashboardTables.Keys"/>.</summary>
        public string Table { get; init; } = "";

        /// <summary>csv or xlsx.</summary>
        public string Format { get; init; } = "";
    }

    public sealed class Handler(PortalDbContext db, ServiceCatalog services, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, ExportFile>
    {
        public async Task<ExportFile> Handle(Query request, CancellationToken cancellationToken)
        {
            var format = ExportFile.ParseFormat(request.Format) ?? throw new NotFoundException("未找到该下载格式（可选 csv 或 xlsx）。");
            if (!DashboardTables.Keys.Contains(request.Table))
            {
                throw new NotFoundException("未找到要下载的统计表。");
            }

            var result = await Statistics.LoadAsync(db, services, calendar, time, request.From, request.To, Statistics.DownloadOverdueLimit, cancellationToken);
            var table = result.Table(request.Table);
            return ExportFile.Create(table.Data, format, table.FileName);
        }
    }
}
