using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 暂存: files chosen on an application form before it is submitted are stored at once (so a refused form, a draft or a
/// phone's slow upload loses nothing) and wait on the form's staging key — the applicant's own draft, or a clerk's one
/// filing (帮办代办, a new batch each time the form is opened). Each refused file is reported; the others are kept.
/// </summary>
public static class StageFiles
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<IReadOnlyList<(string Field, string Message)>>
    {
        [Display(Name = "表单")]
        public string Form { get; init; } = "";

        [Display(Name = "上传批次")]
        public string? Batch { get; init; }

        public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialUploads uploads, TimeProvider time)
        : IRequestHandler<Command, IReadOnlyList<(string Field, string Message)>>
    {
        public async Task<IReadOnlyList<(string Field, string Message)>> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = Staging.KeyFor(me, request.Form, request.Batch);
            var refusals = new List<(string Field, string Message)>();
            var already = await uploads.StagedBytesAsync(key, cancellationToken);
            var counts = await db.MaterialFiles.Where(f => f.CaseId == null && f.StagingKey == key).GroupBy(f => f.ItemCode)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            foreach (var file in request.Files)
            {
                var field = IncomingFile.FieldOf(file.ItemCode);
                if (counts.GetValueOrDefault(file.ItemCode) >= MaterialLimits.MaxFilesPerItem)
                {
                    refusals.Add((field, $"每项材料最多上传{MaterialLimits.MaxFilesPerItem}个文件，请合并为一个PDF后上传。"));
                    continue;
                }

                if (MaterialUploads.OverCaseLimit(already, file.Length) is { } tooMuch)
                {
                    refusals.Add((field, tooMuch));
                    continue;
                }

                var (stored, refusal) = await uploads.StoreAsync(file, cancellationToken);
                if (stored is null)
                {
                    refusals.Add((field, refusal!));
                    continue;
                }

                db.MaterialFiles.Add(MaterialFile.Stage(key, file.ItemCode, stored.Content, stored.FileName, actor, now, stored.Preview));
                already += stored.Content.Size;
                counts[file.ItemCode] = counts.GetValueOrDefault(file.ItemCode) + 1;
            }

            await db.SaveChangesAsync(cancellationToken);
            return refusals;
        }
    }
}
