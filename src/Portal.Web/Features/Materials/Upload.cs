using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 上传材料: the applicant side (or staff holding the case, scanning a visitor's papers) adds files — or, where the item
/// allows, a written explanation — to one list item of a case: before 受理, in answer to a 一次性告知, or supplying a 容缺
/// item. Any refused file refuses the whole post (nothing is referenced), with the reason in Chinese.
/// </summary>
public static class Upload
{
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "材料")]
        public string ItemCode { get; init; } = "";

        [Display(Name = "情况说明")]
        public string? Explanation { get; init; }

        public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ItemCode).NotEmpty().WithMessage("请选择材料。").MaximumLength(40).WithMessage("材料代码不正确。");
            RuleFor(c => c.Explanation).MaximumLength(MaterialLimits.MaxExplanationLength).WithMessage($"情况说明不能超过{MaterialLimits.MaxExplanationLength}字。");
            RuleFor(c => c).Must(c => c.Files.Count > 0 || !string.IsNullOrWhiteSpace(c.Explanation))
                .WithName(nameof(Command.Explanation)).WithMessage("请选择要上传的文件，或填写情况说明。");
            RuleForEach(c => c.Files).Must((c, f) => f.ItemCode == c.ItemCode).WithMessage("文件与材料不对应。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, _) = await MaterialCases.ForUploadAsync(db, standing, request.Number, cancellationToken);
            var stored = await MaterialCases.StoreAllAsync(uploads, request.Files, await uploads.CaseBytesAsync(c.Id, cancellationToken), cancellationToken);
            var item = await uploads.ItemAsync(c, request.ItemCode, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            try
            {
                foreach (var (_, upload) in stored)
                {
                    item.Attach(new MaterialFile(item.Code, upload.Content, upload.FileName, actor, now, upload.Preview));
                }

                if (!string.IsNullOrWhiteSpace(request.Explanation))
                {
                    item.Explain(request.Explanation);
                }
            }
            catch (InvalidOperationException refused)
            {
                throw new ValidationFailedException(IncomingFile.FieldOf(request.ItemCode), refused.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return stored.Count;
        }
    }
}
