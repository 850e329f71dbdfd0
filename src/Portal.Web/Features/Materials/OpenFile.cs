using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Materials;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 打开文件: one file's bytes for whoever may open it (<see cref="MaterialAccess"/>; anyone else: 404). Inline, an image
/// is its upright copy; a download is always the original as uploaded. The stored content's hash is checked on every read.
/// </summary>
public static class OpenFile
{
    public sealed record Query : IQuery<Result>
    {
        [Display(Name = "文件")]
        public long Id { get; init; }

        [Display(Name = "在页面中查看")]
        public bool Inline { get; init; }
    }

    public sealed record Result(byte[] Content, string MediaType, string DownloadName, bool Inline);

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, IFileStore store) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var file = await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException("未找到该文件。");
            if (file.CaseId is { } caseId)
            {
                var c = await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Id == caseId, cancellationToken);
                if (c is null || !(await standing.OfAsync(c, cancellationToken)).MayOpen)
                {
                    throw new NotFoundException("未找到该文件。");
                }
            }
            else if (!MaterialAccess.MayOpenStaged(file.UploadedById, me))
            {
                throw new NotFoundException("未找到该文件。");
            }

            var usePreview = request.Inline && file.PreviewHash is not null;
            byte[] content;
            try
            {
                content = await store.ReadAsync(usePreview ? file.PreviewHash! : file.Hash, cancellationToken);
            }
            catch (StoredFileException failed)
            {
                throw new RuleViolationException([failed.Message]);
            }

            var kind = usePreview ? file.PreviewKind ?? file.Kind : file.Kind;
            var inline = request.Inline && kind is FileKind.Pdf or FileKind.Jpeg or FileKind.Png;
            return new Result(content, kind.MediaType(), Path.GetFileNameWithoutExtension(file.DisplayName) + file.Kind.Extension(), inline);
        }
    }
}
