using System.ComponentModel.DataAnnotations;
using MediatR;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>删除: the applicant side takes back a file nobody has judged yet (it stays stored, not current: nothing is lost).</summary>
public static class RemoveFile
{
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "文件")]
        public long FileId { get; init; }
    }

    public sealed class Handler(PortalDbContext db, MaterialStanding standing, MaterialUploads uploads) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, _) = await MaterialCases.ForUploadAsync(db, standing, request.Number, cancellationToken);
            var items = await uploads.ItemsAsync(c.Id, cancellationToken);
            var file = items.SelectMany(i => i.Files).FirstOrDefault(f => f.Id == request.FileId) ?? throw new NotFoundException("未找到该文件。");
            try
            {
                file.Material!.Remove(file);
            }
            catch (InvalidOperationException refused)
            {
                throw new RuleViolationException([refused.Message]);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
