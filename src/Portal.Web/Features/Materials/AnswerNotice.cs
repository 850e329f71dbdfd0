using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// 提交补正材料: the applicant answers the 一次性告知 — each listed item by new files or, where allowed, a written
/// explanation — and the case goes back to whoever asked, its clock resuming. A notice written as free text (no list
/// item marked) is answered under one item "补正材料". Files and the move are one transaction.
/// </summary>
public static class AnswerNotice
{
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        /// <summary>Written explanations by item code.</summary>
        [Display(Name = "情况说明")]
        public IReadOnlyDictionary<string, string> Explanations { get; init; } = new Dictionary<string, string>();

        public IReadOnlyList<IncomingFile> Files { get; init; } = [];

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(c => c.Explanations).Must(e => e.Value.Length <= MaterialLimits.MaxExplanationLength)
                .WithMessage($"情况说明不能超过{MaterialLimits.MaxExplanationLength}字。");
            RuleFor(c => c.Explanations.Count).LessThanOrEqualTo(50).WithMessage("提交的说明过多。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, CaseContexts contexts, CaseActions actions, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, rights) = await MaterialCases.ForUploadAsync(db, standing, request.Number, cancellationToken);
            if (!rights.ApplicantSide)
            {
                throw new ForbiddenException("只有申请人或代办人可以提交补正材料。");
            }

            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            if (c.State != CaseState.AwaitingSupplement)
            {
                throw new RuleViolationException(["该办件当前不需要补正。"]);
            }

            var items = await uploads.ItemsAsync(c.Id, cancellationToken);
            var listed = items.Where(i => i.NoticeRound == c.SupplementCount && i.Status == MaterialStatus.Rejected).ToList();
            var allowed = listed.Count > 0 ? listed.Select(i => i.Code).ToHashSet() : [MaterialCatalog.SupplementCode];
            if (request.Files.Any(f => !allowed.Contains(f.ItemCode)) || request.Explanations.Keys.Any(k => !allowed.Contains(k)))
            {
                throw new ValidationFailedException("", "只能补正一次性告知列明的材料。");
            }

            var stored = await MaterialCases.StoreAllAsync(uploads, request.Files, await uploads.CaseBytesAsync(c.Id, cancellationToken), cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            var answered = new List<string>();
            foreach (var code in allowed)
            {
                var files = stored.Where(s => s.Item == code).ToList();
                var explanation = request.Explanations.TryGetValue(code, out var e) && !string.IsNullOrWhiteSpace(e) ? e : null;
                if (files.Count == 0 && explanation is null)
                {
                    continue;
                }

                var item = await uploads.ItemAsync(c, code, cancellationToken);
                try
                {
                    foreach (var (_, upload) in files)
                    {
                        item.Attach(new MaterialFile(code, upload.Content, upload.FileName, actor, now, upload.Preview));
                    }

                    if (explanation is not null)
                    {
                        item.Explain(explanation);
                    }
                }
                catch (InvalidOperationException refused)
                {
                    throw new ValidationFailedException(IncomingFile.FieldOf(code), refused.Message);
                }

                answered.Add(item.Name);
            }

            await db.SaveChangesAsync(cancellationToken);
            var context = await contexts.ForCaseAsync(c, cancellationToken, rights.Actor);
            await actions.FireAsync(c, CaseTrigger.SubmitSupplement, context, new CaseActionArgs
            {
                Reason = answered.Count > 0 ? Shorten("已补正：" + string.Join("、", answered)) : null,
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private static string Shorten(string text) => text.Length <= 500 ? text : text[..499] + "…";
    }
}
