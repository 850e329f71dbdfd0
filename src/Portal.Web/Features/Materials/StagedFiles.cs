using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Materials;

/// <summary>The files staged on an application form, by item (for the form to show what is already uploaded).</summary>
public static class StagedFiles
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Query : IQuery<IReadOnlyList<(string ItemCode, FileView File)>>
    {
        [Display(Name = "表单")]
        public string Form { get; init; } = "";

        [Display(Name = "上传批次")]
        public string? Batch { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar) : IRequestHandler<Query, IReadOnlyList<(string ItemCode, FileView File)>>
    {
        public async Task<IReadOnlyList<(string ItemCode, FileView File)>> Handle(Query request, CancellationToken cancellationToken)
        {
            if (me.IsStaff && !Guid.TryParseExact(request.Batch, "N", out _))
            {
                return [];
            }

            var key = Staging.KeyFor(me, request.Form, request.Batch);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var files = await db.MaterialFiles.AsNoTracking().Where(f => f.CaseId == null && f.StagingKey == key).OrderBy(f => f.Id).ToListAsync(cancellationToken);
            return files.Select(f => (f.ItemCode, new FileView(f.Id, f.DisplayName, f.Kind, MaterialLimits.Megabytes(f.Size), f.UploadedByName,
                DeadlineView.Format(clock.ToLocal(f.UploadedAt)), true, f.PreviewHash is not null))).ToList();
        }
    }
}
