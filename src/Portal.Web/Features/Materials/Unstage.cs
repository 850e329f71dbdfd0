using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>移除: takes a staged file off the form it waits on (the uploader only).</summary>
public static class Unstage
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "表单")]
        public string Form { get; init; } = "";

        [Display(Name = "上传批次")]
        public string? Batch { get; init; }

        [Display(Name = "文件")]
        public long FileId { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = Staging.KeyFor(me, request.Form, request.Batch);
            var file = await db.MaterialFiles.FirstOrDefaultAsync(f => f.Id == request.FileId, cancellationToken);
            if (file is null || !file.BelongsTo(key))
            {
                throw new NotFoundException("未找到该文件。");
            }

            db.MaterialFiles.Remove(file);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
